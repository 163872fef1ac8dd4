"""The embedded default's broker: kombu's filesystem transport, one file per message under
VAR_DIR/broker/, so `make run` queues tasks for its worker with no service to install.

kombu's own transport creates a message's file under its final name and then writes it, so a
worker polling in between could take an empty message; here a message is written under a
name no queue reads and renamed into place whole (a rename within a folder is atomic). The
folders are made on first use.
"""

import os
import uuid
from pathlib import Path
from time import monotonic

from kombu.transport import filesystem
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for folder in (self.data_folder_in, self.data_folder_out, self.control_folder):
            Path(folder).mkdir(parents=True, exist_ok=True)

    def _put(self, queue: str, payload: dict, **kwargs) -> None:
        # The name orders messages by time (as kombu's does); "<ms>_<uuid>.<queue>.msg".
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = os.path.join(self.data_folder_out, f"partial-{name}.tmp")
        with open(partial, "w", encoding="utf-8") as f:
            f.write(dumps(payload))
        os.replace(partial, final)


class Transport(filesystem.Transport):
    Channel = Channel
