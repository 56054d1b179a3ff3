from django.db import migrations

# What national staff (Wagtail's Editors) may do on the Network screens of the admin.
EDITOR_PERMISSIONS = {
    "region": ("add", "change", "delete", "view"),
    "municipality": ("add", "change", "delete", "view"),
    "school": ("add", "change", "delete", "view"),
    "schoolyear": ("add", "change", "delete", "view"),
    "membership": ("add", "change", "delete", "view"),
    "coordination": ("add", "change", "delete", "view"),
    "invitation": ("delete", "view"),
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for model, actions in EDITOR_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="ambassadors", model=model)
        for action in actions:
            # On a fresh database the model permissions are created only after migrations run.
            permission, _ = Permission.objects.get_or_create(
                codename=f"{action}_{model}",
                content_type=content_type,
                defaults={"name": f"Can {action} {model}"},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("ambassadors", "0002_editors_manage_network")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
