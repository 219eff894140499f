"""aiosmtpd handler for the tests' SmtpServerFixture: stores every message it receives in a folder.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_folder_handler.FolderHandler FOLDER
Each message becomes NNNNNN.eml (the bytes as received) plus NNNNNN.json (envelope sender and recipients);
the .json is renamed into place last, so a reader that sees it also sees the whole .eml.
"""
import itertools
import json
import os


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("FolderHandler needs exactly one argument: the folder to write messages to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        name = "%06d" % next(self.counter)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        self._write(name + ".eml", content)
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        self._write(name + ".json", json.dumps(meta).encode("utf-8"))
        return "250 Message accepted for delivery"

    def _write(self, file_name, data):
        temporary = os.path.join(self.folder, "." + file_name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, os.path.join(self.folder, file_name))
