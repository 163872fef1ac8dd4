"""What every door and both apps share: the error type and its envelope, pagination, and the
secrets the embedded default keeps under var/."""
