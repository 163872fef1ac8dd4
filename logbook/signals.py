"""Every user gets a Profile, however the user was made (sign-up, admin, createsuperuser)."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from logbook.models import Profile


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="logbook_create_profile")
def create_profile(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)
