"""Factories for certificates (kept apart from lessons/factories.py, which the courses own)."""

import factory
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory
from lessons.certificates import Certificate, generate_code


class CertificateFactory(DjangoModelFactory):
    """A valid certificate; pass `course=` (a CoursePage, which needs a lesson index parent)."""

    user = factory.SubFactory(UserFactory)
    code = factory.LazyFunction(generate_code)
    name_as_printed = factory.LazyAttribute(lambda certificate: certificate.user.display_name)
    language = "sq"

    class Meta:
        model = Certificate
