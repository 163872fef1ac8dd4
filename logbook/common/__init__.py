"""What every door and both apps share: the error type and its envelope, and pagination."""
