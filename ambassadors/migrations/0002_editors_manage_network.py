from django.db import migrations


def grant(apps, schema_editor):
    """National staff are Wagtail's Editors: they manage the whole network."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="ambassadors", model="school")
    permission, _ = Permission.objects.get_or_create(
        codename="manage_network",
        content_type=content_type,
        defaults={"name": "Can manage the whole network"},
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("ambassadors", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
