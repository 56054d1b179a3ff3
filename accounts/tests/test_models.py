"""The custom user model."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from accounts.factories import UserFactory
from accounts.models import User


def test_the_project_uses_its_own_user_model():
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert get_user_model() is User


@pytest.mark.django_db
def test_email_is_optional():
    user = User.objects.create_user(username="ambasadori", password="a-long-passphrase")

    user.full_clean()

    assert user.email == ""
    assert User.objects.get(username="ambasadori").check_password("a-long-passphrase")


@pytest.mark.django_db
def test_two_users_without_email_can_coexist():
    UserFactory(email="")
    UserFactory(email="")

    assert User.objects.filter(email="").count() == 2


@pytest.mark.django_db
def test_an_email_when_given_must_be_valid():
    from django.core.exceptions import ValidationError

    user = UserFactory.build(email="not-an-email")

    with pytest.raises(ValidationError) as error:
        user.full_clean()

    assert "email" in error.value.message_dict


@pytest.mark.django_db
def test_user_factory_logs_in(client):
    user = UserFactory()

    assert client.login(username=user.username, password="password")
