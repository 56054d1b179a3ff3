"""People see the sessions of their own account, and can end the others (allauth.usersessions)."""

from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse
from django.utils import translation

PHONE = "Mozilla/5.0 (Linux; Android 14) Phone"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Laptop"


def sessions_url() -> str:
    with translation.override("en"):
        return reverse("usersessions_list")


def logged_in_client(allauth_login, login: str, user_agent: str, ip: str) -> Client:
    client = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)
    response = allauth_login(client, login)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session, "the login did not go through"
    return client


def is_signed_in(client: Client) -> bool:
    return client.get(sessions_url()).status_code == 200


def test_list_shows_both_sessions_of_the_same_person(adult, allauth_login):
    phone = logged_in_client(allauth_login, adult.username, PHONE, "10.0.0.1")
    logged_in_client(allauth_login, adult.email, LAPTOP, "10.0.0.2")

    response = phone.get(sessions_url())

    assert response.status_code == 200
    sessions = response.context["sessions"]
    assert {s.user_agent for s in sessions} == {PHONE, LAPTOP}
    html = response.content.decode()
    assert PHONE in html and LAPTOP in html
    assert "10.0.0.1" in html and "10.0.0.2" in html
    assert "(this device)" in html
    assert 'action="/en/accounts/sessions/"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_ending_the_other_sessions_logs_the_other_device_out(adult, allauth_login):
    phone = logged_in_client(allauth_login, adult.username, PHONE, "10.0.0.1")
    laptop = logged_in_client(allauth_login, adult.email, LAPTOP, "10.0.0.2")
    laptop_key = laptop.session.session_key
    assert is_signed_in(laptop)

    response = phone.post(sessions_url(), follow=True)

    assert response.redirect_chain[-1][0] == sessions_url()
    assert "You have logged out of your other sessions." in response.content.decode()
    # The laptop's next request with the same cookie is anonymous: sent to the login page.
    after = laptop.get(sessions_url())
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("account_login"))
    assert not UserSession.objects.filter(session_key=laptop_key).exists()
    # The phone stays logged in and is now the only session.
    assert is_signed_in(phone)
    assert [s.user_agent for s in UserSession.objects.filter(user=adult)] == [PHONE]


def test_another_persons_sessions_are_never_shown(adult, ambassador, allauth_login):
    logged_in_client(allauth_login, ambassador.username, "Other person's browser", "10.9.9.9")
    own = logged_in_client(allauth_login, adult.username, PHONE, "10.0.0.1")

    response = own.get(sessions_url())

    assert response.status_code == 200
    assert [s.user_id for s in response.context["sessions"]] == [adult.pk]
    html = response.content.decode()
    assert "Other person" not in html and "10.9.9.9" not in html
    assert "You are logged in only here." in html


def test_ending_other_sessions_leaves_other_peoples_sessions_alone(
    adult, ambassador, allauth_login
):
    others_client = logged_in_client(allauth_login, ambassador.username, LAPTOP, "10.9.9.9")
    own = logged_in_client(allauth_login, adult.username, PHONE, "10.0.0.1")

    own.post(sessions_url())

    assert is_signed_in(others_client)
    assert UserSession.objects.filter(user=ambassador).count() == 1


def test_anonymous_people_are_sent_to_log_in(client, db):
    response = client.get(sessions_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.post(sessions_url()).status_code == 302


def test_the_privacy_page_links_to_the_sessions(client, db):
    response = client.get("/en/accounts/privacy/")

    assert f'href="{sessions_url()}"' in response.content.decode()


def test_the_page_is_served_in_albanian_at_the_default_address(adult, allauth_login):
    phone = logged_in_client(allauth_login, adult.username, PHONE, "10.0.0.1")

    response = phone.get("/accounts/sessions/")

    assert response.status_code == 200
    assert '<html lang="sq">' in response.content.decode()
    assert PHONE in response.content.decode()
