"""The intranet channels, under the names older credentials.yml files use: rasa_addons.intranet.IntranetRestInput
and rasa_addons.intranet.IntranetSocketIO. The code is in rest_channel.py, socketio_channel.py and
channel_common.py."""

from rasa_addons.channel_common import SORRY, conversation, too_long, too_long_text
from rasa_addons.rate_limit import TOO_FAST
from rasa_addons.rest_channel import IntranetRestInput
from rasa_addons.socketio_channel import IntranetSocketIO

__all__ = ["SORRY", "TOO_FAST", "IntranetRestInput", "IntranetSocketIO", "conversation", "too_long",
           "too_long_text"]
