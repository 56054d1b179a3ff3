import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# National staff (Wagtail's Editors) look up and revoke certificates in the admin; nobody adds,
# edits or deletes them there.
EDITOR_ACTIONS = ("view", "change")


def grant_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="lessons", model="certificate")
    for action in EDITOR_ACTIONS:
        # On a fresh database the model permissions are created only after migrations run.
        permission, _ = Permission.objects.get_or_create(
            codename=f"{action}_certificate",
            content_type=content_type,
            defaults={"name": f"Can {action} certificate"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0002_courses"),
        ("wagtailcore", "0002_initial_data"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Certificate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(max_length=10, unique=True, verbose_name="verification code"),
                ),
                (
                    "name_as_printed",
                    models.CharField(max_length=150, verbose_name="name as printed"),
                ),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                (
                    "issued_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="issued at"
                    ),
                ),
                (
                    "revoked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="revoked at"),
                ),
                (
                    "revoked_reason",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="reason for revoking"
                    ),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="certificates",
                        to="lessons.coursepage",
                        verbose_name="course",
                    ),
                ),
                (
                    "revoked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="revoked by",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="certificates",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "certificate",
                "verbose_name_plural": "certificates",
                "ordering": ["-issued_at"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "course"), name="one_certificate_per_course"
                    )
                ],
            },
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
