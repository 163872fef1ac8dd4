"""Every user gets a Profile, however the user was made (sign-up, admin, createsuperuser);
a change to the shared catalog clears this process's copy of it."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from logbook.catalog import forget_catalog
from logbook.models import Exercise, ExerciseName, Profile


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="logbook_create_profile")
def create_profile(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(post_save, sender=Exercise, dispatch_uid="logbook_catalog_exercise_saved")
@receiver(post_delete, sender=Exercise, dispatch_uid="logbook_catalog_exercise_deleted")
@receiver(post_save, sender=ExerciseName, dispatch_uid="logbook_catalog_name_saved")
@receiver(post_delete, sender=ExerciseName, dispatch_uid="logbook_catalog_name_deleted")
def catalog_changed(sender, instance, **kwargs) -> None:
    if instance.owner_id is None:
        forget_catalog()
