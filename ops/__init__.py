"""Operating Leerkoers: the `leerkoers` command line (cli.py, cli_admin.py), starting and supervising the
processes (processes.py), the HAProxy of the production layout (haproxy.py), backups (backup.py) and the demo
page (demo.py). Nothing in bot/, actions/ or rasa_addons/ imports from here.
"""
