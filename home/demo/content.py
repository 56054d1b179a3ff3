# ruff: noqa: E501
# Prose reads better unwrapped; this module holds text data only.
"""The demo site's words, Albanian first and English second, as plain data.

Each page spec names its parent by key; `fields` are shared by every language and each language
code holds that language's values. References to other things are small dicts that the builder
resolves in the page's language: {"$page": key}, {"$image": key}, {"$document": key}.
Reach figures of campaigns are deliberately absent: they come from verified school activities.
"""

from datetime import date, datetime

# --- Small constructors for StreamField blocks in their raw JSON form ---------------------------


def page_ref(key: str) -> dict:
    return {"$page": key}


def image_ref(key: str) -> dict:
    return {"$image": key}


def document_ref(key: str) -> dict:
    return {"$document": key}


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def image(key: str, alt_text: str, caption: str = "") -> dict:
    value = {"image": image_ref(key), "alt_text": alt_text, "caption": caption}
    return {"type": "image", "value": value}


def document(key: str, label: str = "") -> dict:
    return {"type": "document", "value": {"document": document_ref(key), "label": label}}


def call_to_action(
    title: str, button_label: str, *, text: str = "", page: str = "", url: str = ""
) -> dict:
    value = {
        "title": title,
        "text": text,
        "button_label": button_label,
        "page": page_ref(page) if page else None,
        "external_url": url,
    }
    return {"type": "call_to_action", "value": value}


def key_figures(
    heading: str, figures: list[tuple[str, str]], source: str = "", block_type: str = "key_figures"
) -> dict:
    value = {
        "heading": heading,
        "figures": [{"value": figure, "label": label} for figure, label in figures],
        "source": source,
    }
    return {"type": block_type, "value": value}


def step(title: str, minutes: int, instructions: str) -> dict:
    return {
        "type": "step",
        "value": {"title": title, "minutes": minutes, "instructions": instructions},
    }


def programme_item(time: str, title: str, speaker: str = "", description: str = "") -> dict:
    value = {"time": time, "title": title, "speaker": speaker, "description": description}
    return {"type": "item", "value": value}


# --- Site settings ---------------------------------------------------------------------------------

SITE = {
    "organisation_name": "iSIGURT.al",
    "helpline_number": "116 111",
    "helpline_name": "ALO 116 111",
    "report_url": "https://isigurt.al/raporto",
    "contact_email": "info@isigurt.al",
    "facebook_url": "https://www.facebook.com/isigurt.al",
    "instagram_url": "https://www.instagram.com/isigurt.al",
    "tiktok_url": "https://www.tiktok.com/@isigurt.al",
    "youtube_url": "https://www.youtube.com/@isigurtal",
}

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.org"
# A published demo password: the demo is for local machines, never production data.
DEFAULT_ADMIN_PASSWORD = "sigurt-demo-admin"  # noqa: S105

# --- Images: flat illustrations drawn by media.illustration_png -----------------------------------
# colours: gradient top, gradient bottom, accent, light, dark.

BLUE = ["#0b4f6c", "#1b9ad6", "#f7b32b", "#fbfbff", "#0a2239"]
TEAL = ["#0f5257", "#2a9d8f", "#f4a261", "#f1faee", "#0b3c3f"]
CORAL = ["#9a3412", "#f97316", "#1e3a8a", "#fff7ed", "#431407"]
PLUM = ["#3b0764", "#7e22ce", "#facc15", "#faf5ff", "#1e0535"]
NIGHT = ["#1d1a4a", "#5b4b9a", "#f7b32b", "#fff4d6", "#120f2e"]
GREEN = ["#14532d", "#16a34a", "#fde047", "#f0fdf4", "#052e16"]

IMAGES = {
    "hero": {"title": "Demo: telefon i mbrojtur (kreu)", "motif": "phone", "colours": BLUE},
    "netsmartkids": {"title": "Demo: netSMARTkids 2025", "motif": "people", "colours": TEAL},
    "campaign-abuse": {
        "title": "Demo: raporto abuzimin seksual online",
        "motif": "shield",
        "colours": PLUM,
    },
    "campaign-bullying": {
        "title": "Demo: ndalo ngacmimin online",
        "motif": "chat",
        "colours": CORAL,
    },
    "campaign-hate": {
        "title": "Demo: raporto gjuhën e urrejtjes",
        "motif": "megaphone",
        "colours": BLUE,
    },
    "campaign-report": {"title": "Demo: ku të raportosh", "motif": "phone", "colours": GREEN},
    "lesson-bullying": {
        "title": "Demo: mësimi për ngacmimin online",
        "motif": "chat",
        "colours": TEAL,
    },
    "lesson-hate": {
        "title": "Demo: mësimi për gjuhën e urrejtjes",
        "motif": "megaphone",
        "colours": CORAL,
    },
    "lesson-privacy": {"title": "Demo: mësimi për privatësinë", "motif": "lock", "colours": PLUM},
    "lesson-media": {"title": "Demo: mësimi për dezinformatat", "motif": "eye", "colours": GREEN},
    "lesson-screen": {
        "title": "Demo: mësimi për kohën para ekranit",
        "motif": "moon",
        "colours": NIGHT,
    },
    "newsletter-launch": {
        "title": "Demo: buletini i shkurtit 2025",
        "motif": "book",
        "colours": BLUE,
    },
    "newsletter-school": {
        "title": "Demo: buletini i shtatorit 2025",
        "motif": "people",
        "colours": CORAL,
    },
}

# --- Documents: text rendered to PDF by media.document_pdf, one file per language ------------------

# Printed under every demo document's subtitle, so nobody mistakes it for the real publication.
DEMO_DOCUMENT_NOTE = {"sq": "Dokument demonstrues", "en": "Demo document"}

DOCUMENTS = {
    "netsmartkids-teachers": {
        "sq": {
            "title": "netSMARTkids 2025: Udhëzues për mësuesit",
            "subtitle": "ALO 116 111 · CRCA/ECPAT Shqipëri · iSIGURT.al",
            "sections": [
                (
                    "Para orës së mësimit",
                    "Njihuni me psikologun e shkollës dhe bini dakord se kujt do t'i drejtohen nxënësit që kërkojnë ndihmë pas orës. Shkruani në tabelë numrin ALO 116 111 dhe adresën e linjës iSIGURT.al.",
                ),
                (
                    "Gjatë orës",
                    "Filloni me pyetje, jo me paralajmërime. Pyetini nxënësit çfarë bëjnë online dhe çfarë u pëlqen. Përdorni shembuj të thjeshtë dhe mos kërkoni që dikush të tregojë përvoja personale para klasës.",
                ),
                (
                    "Pas orës",
                    "Lini kohë për pyetje private. Nëse një nxënës ju tregon për ngacmim, shantazh ose abuzim, dëgjojeni me qetësi, falënderojeni që foli dhe ndiqni procedurën e shkollës për referimin e rastit.",
                ),
                (
                    "Ku të kërkoni mbështetje",
                    "Linja ALO 116 111 këshillon edhe të rriturit që shqetësohen për një fëmijë. Përmbajtjet e paligjshme online raportohen në iSIGURT.al.",
                ),
            ],
        },
        "en": {
            "title": "netSMARTkids 2025: Guide for teachers",
            "subtitle": "ALO 116 111 · CRCA/ECPAT Albania · iSIGURT.al",
            "sections": [
                (
                    "Before the lesson",
                    "Meet the school psychologist and agree who students can turn to for help after the lesson. Write the ALO 116 111 number and the iSIGURT.al hotline address on the board.",
                ),
                (
                    "During the lesson",
                    "Start with questions, not warnings. Ask students what they do online and what they enjoy. Use simple examples and never ask anyone to share personal experiences in front of the class.",
                ),
                (
                    "After the lesson",
                    "Leave time for private questions. If a student tells you about bullying, blackmail or abuse, listen calmly, thank them for speaking up and follow the school's referral procedure.",
                ),
                (
                    "Where to find support",
                    "ALO 116 111 also advises adults who are worried about a child. Illegal content online is reported to iSIGURT.al.",
                ),
            ],
        },
    },
    "netsmartkids-parents": {
        "sq": {
            "title": "netSMARTkids 2025: Fletëpalosje për prindërit",
            "subtitle": "Si ta shoqëroni fëmijën tuaj në internet",
            "sections": [
                (
                    "Flisni çdo ditë",
                    "Pyeteni fëmijën çfarë ka parë dhe çfarë ka bërë online, ashtu si e pyesni për shkollën. Një bisedë e shkurtër çdo ditë vlen më shumë se një ndalim i madh.",
                ),
                (
                    "Vendosni rregulla bashkë",
                    "Rregullat që fëmija i ka ndihmuar t'i shkruajë respektohen më lehtë. Shkruajini dhe varini në një vend ku i shihni të gjithë.",
                ),
                (
                    "Nëse diçka shkon keq",
                    "Mos e ndëshkoni fëmijën që ju tregon një problem. Ruani provat, mos i shpërndani materialet dhe telefononi falas në ALO 116 111, në çdo orë.",
                ),
            ],
        },
        "en": {
            "title": "netSMARTkids 2025: Leaflet for parents",
            "subtitle": "How to accompany your child online",
            "sections": [
                (
                    "Talk every day",
                    "Ask your child what they saw and did online, just as you ask about school. A short conversation every day is worth more than a big ban.",
                ),
                (
                    "Agree rules together",
                    "Rules that a child helped to write are easier to keep. Write them down and put them where everyone can see them.",
                ),
                (
                    "If something goes wrong",
                    "Do not punish a child who tells you about a problem. Keep the evidence, do not share the material and call ALO 116 111 for free, at any hour.",
                ),
            ],
        },
    },
    "annual-report-2024": {
        "sq": {
            "title": "Raporti vjetor 2024 për sigurinë në internet në Shqipëri",
            "subtitle": "iSIGURT.al · prezantuar në Ditën e Internetit më të Sigurt, 11 shkurt 2025",
            "sections": [
                (
                    "Përmbledhje",
                    "Gjatë vitit 2024, linja iSIGURT.al mori 407 raportime për incidente online që prekin fëmijët. 62% e viktimave ishin vajza.",
                ),
                (
                    "Llojet e incidenteve",
                    "Më të raportuarat ishin shantazhi seksual (sextortion) dhe ngacmimi online. Raporti përmban edhe të dhëna për materialet e abuzimit seksual të fëmijëve dhe për krimet e gjuhën e urrejtjes.",
                ),
                (
                    "Si u trajtuan raportimet",
                    "Çdo raportim u shqyrtua nga analistët e linjës. Materialet e paligjshme iu përcollën policisë, platformave dhe partnerëve të rrjetit INHOPE.",
                ),
                (
                    "Rekomandime",
                    "Edukim për sigurinë digjitale në çdo shkollë, mbështetje për prindërit dhe referim më i shpejtë i rasteve drejt shërbimeve të mbrojtjes së fëmijës.",
                ),
            ],
        },
        "en": {
            "title": "Annual Report 2024 on Internet Safety in Albania",
            "subtitle": "iSIGURT.al · presented on Safer Internet Day, 11 February 2025",
            "sections": [
                (
                    "Summary",
                    "In 2024 the iSIGURT.al hotline received 407 reports of online incidents affecting children. 62% of the victims were girls.",
                ),
                (
                    "Types of incident",
                    "The most reported were sextortion and online bullying. The report also gives figures on child sexual abuse material and on hate crimes and hate speech.",
                ),
                (
                    "How reports were handled",
                    "Every report was reviewed by the hotline's analysts. Illegal material was passed on to the police, to the platforms and to partners in the INHOPE network.",
                ),
                (
                    "Recommendations",
                    "Digital safety education in every school, support for parents and faster referral of cases to child protection services.",
                ),
            ],
        },
    },
    "worksheet-bullying": {
        "sq": {
            "title": "Fletë pune: Në vendin e tjetrit",
            "subtitle": "Për mësimin «Kur fjalët lëndojnë»",
            "sections": [
                (
                    "1. Lexo mesazhin",
                    "Shkruaj me fjalët e tua çfarë thotë mesazhi dhe kush e ka marrë.",
                ),
                (
                    "2. Si ndihet?",
                    "Rrumbullakos tri fjalë: i trembur, i turpëruar, i zemëruar, i vetmuar, i qetë, i lumtur. Shpjego pse.",
                ),
                (
                    "3. Çfarë mund të bëj unë?",
                    "Shkruaj një mesazh mbështetës për shokun dhe emrin e një të rrituri të cilit mund t'i tregosh.",
                ),
            ],
        },
        "en": {
            "title": "Worksheet: In someone else's shoes",
            "subtitle": "For the lesson \u201cWhen words hurt\u201d",
            "sections": [
                (
                    "1. Read the message",
                    "Write in your own words what the message says and who received it.",
                ),
                (
                    "2. How do they feel?",
                    "Circle three words: scared, embarrassed, angry, lonely, calm, happy. Explain why.",
                ),
                (
                    "3. What can I do?",
                    "Write a supportive message to your friend and the name of an adult you could tell.",
                ),
            ],
        },
    },
    "guide-grooming": {
        "sq": {
            "title": "Udhëzues për prindërit: joshja online e fëmijëve",
            "subtitle": "Shenjat paralajmëruese dhe çfarë të bëni",
            "sections": [
                (
                    "Çfarë është joshja online",
                    "Një i rritur krijon me qëllim një lidhje besimi me një fëmijë në internet, për ta shfrytëzuar më pas seksualisht.",
                ),
                (
                    "Shenjat",
                    "Fshehtësi e re rreth telefonit, një \u201cmik\u201d që fëmija nuk e ka takuar kurrë, kredit ose para me origjinë të panjohur, ndryshime të papritura në humor.",
                ),
                (
                    "Çfarë të bëni",
                    "Qëndroni të qetë, mos e fajësoni fëmijën, ruani bisedat dhe raportojini në iSIGURT.al. Për këshilla telefononi ALO 116 111.",
                ),
            ],
        },
        "en": {
            "title": "Parents' guide: online grooming",
            "subtitle": "Warning signs and what to do",
            "sections": [
                (
                    "What grooming is",
                    "An adult deliberately builds a bond of trust with a child online in order to exploit them sexually later.",
                ),
                (
                    "The signs",
                    "New secrecy about the phone, a \u201cfriend\u201d the child has never met, credit or money from an unknown source, sudden changes in mood.",
                ),
                (
                    "What to do",
                    "Stay calm, do not blame your child, keep the conversations and report them to iSIGURT.al. For advice, call ALO 116 111.",
                ),
            ],
        },
    },
    "report-steps": {
        "sq": {
            "title": "Skema e raportimit: ku të drejtohesh",
            "subtitle": "Për nxënësit, prindërit dhe mësuesit",
            "sections": [
                (
                    "A je në rrezik tani?",
                    "Po: telefono policinë dhe trego një të rrituri menjëherë. Jo: vazhdo me hapin tjetër.",
                ),
                ("Ke nevojë të flasësh me dikë?", "Telefono falas ALO 116 111, 24 orë në 7 ditë."),
                (
                    "Ke parë përmbajtje të paligjshme?",
                    "Raportoje në iSIGURT.al dhe në platformën ku e pe. Mos e shpërndaj.",
                ),
            ],
        },
        "en": {
            "title": "Reporting steps: where to turn",
            "subtitle": "For students, parents and teachers",
            "sections": [
                (
                    "Are you in danger right now?",
                    "Yes: call the police and tell an adult straight away. No: go to the next step.",
                ),
                ("Do you need to talk to someone?", "Call ALO 116 111 for free, 24/7."),
                (
                    "Have you seen illegal content?",
                    "Report it to iSIGURT.al and to the platform where you saw it. Do not share it.",
                ),
            ],
        },
    },
}

# --- Pages, parents before children -----------------------------------------------------------------

HOME = {
    "key": "home",
    "type": "home.HomePage",
    "parent": None,
    "fields": {
        "hero_image": image_ref("hero"),
        "featured_campaign": page_ref("netsmartkids-2025"),
    },
    "sq": {
        "title": "Kreu",
        "slug": "home",
        "hero_title": "Internet më i sigurt për çdo fëmijë",
        "hero_text": "iSIGURT.al është Qendra Shqiptare për Internet më të Sigurt. Ndihmojmë fëmijët, prindërit dhe shkollat të njohin rreziqet online, të kërkojnë ndihmë dhe të raportojnë përmbajtjet e dëmshme.",
        "help_text": "Telefono falas në ALO 116 111, ditë e natë, 24 orë në 7 ditë. Një këshillues të dëgjon pa të gjykuar, të këshillon dhe, kur duhet, të lidh me shërbimet e mbrojtjes së fëmijës ose me policinë.",
        "report_text": "Ke parë materiale të abuzimit seksual të fëmijëve, gjuhë urrejtjeje, ngacmim ose kërcënime online? Raportoji në linjën iSIGURT.al, edhe pa dhënë emrin.",
        "body": [
            heading("Rrjeti kombëtar për sigurinë digjitale në shkolla"),
            paragraph(
                "<p>Në çdo shkollë, një nxënës Ambasador i Internetit të Sigurt, një mësues i TIK-ut dhe një psikolog punojnë bashkë që nxënësit të jenë më të mbrojtur online. Mësimet tona janë falas dhe gati për klasën ose për shtëpinë.</p>"
            ),
            call_to_action(
                "Mësime për klasën dhe familjen",
                "Shiko mësimet",
                text="Ngacmimi online, privatësia, lajmet e rreme dhe tema të tjera, sipas moshës.",
                page="lessons",
            ),
        ],
    },
    "en": {
        "title": "Home",
        "slug": "home-en",
        "hero_title": "A safer internet for every child",
        "hero_text": "iSIGURT.al is Albania's Safer Internet Centre. We help children, parents and schools understand online risks, ask for help and report harmful content.",
        "help_text": "Call ALO 116 111 for free, day and night, 24/7. A counsellor listens without judging, gives advice and, when needed, puts you in touch with child protection services or the police.",
        "report_text": "Have you seen child sexual abuse material, hate speech, bullying or threats online? Report it to the iSIGURT.al hotline, even without giving your name.",
        "body": [
            heading("The national network for digital safety in schools"),
            paragraph(
                "<p>In every school, a student Safe Internet Ambassador, an ICT teacher and a psychologist work together so that students are better protected online. Our lessons are free and ready for the classroom or for home.</p>"
            ),
            call_to_action(
                "Lessons for the classroom and the family",
                "See the lessons",
                text="Online bullying, privacy, fake news and more, by age.",
                page="lessons",
            ),
        ],
    },
}

ABOUT = {
    "key": "about",
    "type": "home.StandardPage",
    "parent": "home",
    "fields": {"show_in_menus": True},
    "sq": {
        "title": "Rreth nesh",
        "slug": "rreth-nesh",
        "intro": "iSIGURT.al është Platforma Kombëtare për Internet më të Sigurt, e krijuar në vitin 2015 nga CRCA/ECPAT Shqipëri bashkë me katër ministri.",
        "body": [
            heading("Kush jemi"),
            paragraph(
                "<p>Qendra për të Drejtat e Fëmijëve në Shqipëri (CRCA/ECPAT Shqipëri) është organizatë jofitimprurëse me qendër në Tiranë. Punon për mbrojtjen e fëmijëve, pjesëmarrjen e të rinjve, avokimin dhe shërbimet e kujdesit për fëmijët. Me sigurinë e fëmijëve në internet merret që nga viti 2005.</p>"
            ),
            paragraph(
                "<p>iSIGURT.al është linja kombëtare ku raportohen materialet e abuzimit seksual të fëmijëve, gjuha e urrejtjes, ngacmimi online dhe dëme të tjera në internet. Është Qendra Shqiptare për Internet më të Sigurt, pjesë e rrjeteve evropiane <b>Insafe</b> dhe <b>INHOPE</b> dhe e programit «Internet më i mirë për fëmijët» (Better Internet for Kids). Që nga viti 2025 është edhe sinjalizues i besuar pranë platformave të mëdha sociale.</p>"
            ),
            heading("Rrjeti kombëtar për sigurinë digjitale në shkolla"),
            paragraph(
                "<p>Rrjeti u nis në shkurt 2025. Në çdo shkollë ai bashkon tre njerëz:</p><ul><li>një nxënës, <b>Ambasador i Internetit të Sigurt</b>;</li><li>një <b>mësues të TIK-ut</b> (teknologji dhe informatikë);</li><li>një <b>psikolog</b> ose punonjës psiko-social të shkollës.</li></ul><p>Ambasadorët organizojnë veprimtari me shokët e tyre, mësuesi i ndihmon me mësimet dhe psikologu mbështet nxënësit që kanë nevojë për ndihmë.</p>"
            ),
            heading("Linja ALO 116 111"),
            paragraph(
                "<p>Që nga viti 2009, linja kombëtare e këshillimit për fëmijë ALO 116 111 u përgjigjet fëmijëve dhe të rinjve në çdo orë, falas. Ajo i dëgjon, i këshillon dhe i referon te shërbimet e mbrojtjes së fëmijës dhe te policia.</p>"
            ),
        ],
    },
    "en": {
        "title": "About us",
        "slug": "about-us",
        "intro": "iSIGURT.al is the National Platform for Safer Internet, set up in 2015 by CRCA/ECPAT Albania together with four ministries.",
        "body": [
            heading("Who we are"),
            paragraph(
                "<p>The Children's Rights Centre of Albania (CRCA/ECPAT Albania) is a non-profit organisation based in Tirana. It works on child protection, youth participation, advocacy and child-care services, and has worked on children's safety online since 2005.</p>"
            ),
            paragraph(
                "<p>iSIGURT.al is the national hotline for reports of child sexual abuse material, hate speech, online bullying and other harm on the internet. It is Albania's Safer Internet Centre, part of the European <b>Insafe</b> and <b>INHOPE</b> networks and of the Better Internet for Kids programme. Since 2025 it has also been a trusted flagger to the large social platforms.</p>"
            ),
            heading("The national network for digital safety in schools"),
            paragraph(
                "<p>The network was launched in February 2025. In every school it brings three people together:</p><ul><li>a student <b>Safe Internet Ambassador</b>;</li><li>an <b>ICT teacher</b> (technology and informatics);</li><li>a <b>psychologist</b> or psycho-social staff member of the school.</li></ul><p>Ambassadors run activities with their classmates, the teacher helps with the lessons and the psychologist supports students who need help.</p>"
            ),
            heading("The ALO 116 111 helpline"),
            paragraph(
                "<p>Since 2009 the national child helpline ALO 116 111 has answered children and young people at any hour, for free. It listens, gives advice and refers them to child protection services and the police.</p>"
            ),
        ],
    },
}

GET_HELP = {
    "key": "get-help",
    "type": "home.StandardPage",
    "parent": "home",
    "fields": {"show_in_menus": True},
    "sq": {
        "title": "Merr ndihmë",
        "slug": "merr-ndihme",
        "intro": "Nëse diçka online të shqetëson, të frikëson ose të lëndon, nuk je vetëm. Ka njerëz që të dëgjojnë dhe të ndihmojnë.",
        "body": [
            heading("Telefono ALO 116 111"),
            paragraph(
                "<p>Linja kombëtare e këshillimit për fëmijë dhe të rinj <b>ALO 116 111</b> është falas dhe punon 24 orë në ditë, 7 ditë në javë. Numri 116 111 është i njëjtë në gjithë Evropën.</p>"
            ),
            heading("Çfarë ndodh kur telefonon", "h3"),
            paragraph(
                "<ol><li>Të përgjigjet një këshillues i trajnuar, që të dëgjon me vëmendje.</li><li>Ti vendos sa të tregosh. Nuk ke nevojë të thuash emrin.</li><li>Bashkë mendoni se çfarë mund të bësh tani.</li><li>Nëse je në rrezik, këshilluesi të lidh me shërbimet e mbrojtjes së fëmijës ose me policinë.</li></ol>"
            ),
            heading("Raporto përmbajtjen e dëmshme"),
            paragraph(
                "<p>Ke parë online materiale të abuzimit seksual të fëmijëve, gjuhë urrejtjeje, ngacmim ose kërcënime? Raportoji në linjën iSIGURT.al. Raportimi mund të jetë anonim. Ekipi ynë e shqyrton çdo raportim dhe, kur duhet, e përcjell te policia ose te platforma ku ndodhet përmbajtja.</p>"
            ),
            call_to_action(
                "Raporto në iSIGURT.al",
                "Raporto tani",
                text="Formulari merr vetëm pak minuta. Mos e shpërndaj materialin me të tjerët: mjafton të na dërgosh lidhjen.",
                url=SITE["report_url"],
            ),
            quote(
                "Kur telefonova, dikush më dëgjoi pa më qortuar. Kjo më dha guxim t'ua tregoja edhe prindërve.",
                "Nxënëse, 14 vjeç (shembull)",
            ),
        ],
    },
    "en": {
        "title": "Get help",
        "slug": "get-help",
        "intro": "If something online worries you, scares you or hurts you, you are not alone. There are people who will listen and help.",
        "body": [
            heading("Call ALO 116 111"),
            paragraph(
                "<p>The national helpline for children and young people, <b>ALO 116 111</b>, is free and open 24 hours a day, 7 days a week. The number 116 111 is the same all over Europe.</p>"
            ),
            heading("What happens when you call", "h3"),
            paragraph(
                "<ol><li>A trained counsellor answers and listens carefully.</li><li>You decide how much to tell. You do not have to give your name.</li><li>Together you think about what you can do now.</li><li>If you are in danger, the counsellor puts you in touch with child protection services or the police.</li></ol>"
            ),
            heading("Report harmful content"),
            paragraph(
                "<p>Have you seen child sexual abuse material, hate speech, bullying or threats online? Report it to the iSIGURT.al hotline. You can report anonymously. Our team reviews every report and, when needed, passes it on to the police or to the platform where the content is.</p>"
            ),
            call_to_action(
                "Report to iSIGURT.al",
                "Report now",
                text="The form takes only a few minutes. Do not share the material with others: sending us the link is enough.",
                url=SITE["report_url"],
            ),
            quote(
                "When I called, someone listened to me without telling me off. That gave me the courage to tell my parents too.",
                "A 14-year-old student (example)",
            ),
        ],
    },
}

CAMPAIGN_INDEX = {
    "key": "campaigns",
    "type": "campaigns.CampaignIndexPage",
    "parent": "home",
    "fields": {"show_in_menus": True},
    "sq": {
        "title": "Fushata dhe ngjarje",
        "slug": "fushata",
        "intro": "Fushatat kombëtare në shkolla, Dita e Internetit më të Sigurt dhe raportet vjetore për sigurinë e fëmijëve në internet.",
    },
    "en": {
        "title": "Campaigns and events",
        "slug": "campaigns",
        "intro": "National campaigns in schools, Safer Internet Day and the annual reports on children's safety online.",
    },
}

NETSMARTKIDS = {
    "key": "netsmartkids-2025",
    "type": "campaigns.CampaignPage",
    "parent": "campaigns",
    "fields": {
        "start_date": date(2025, 1, 15),
        "end_date": date(2025, 6, 30),
        "image": image_ref("netsmartkids"),
        "for_children": True,
        "for_parents": True,
        "for_teachers": True,
        "for_ambassadors": False,
        "toolkit": [document("netsmartkids-teachers"), document("netsmartkids-parents")],
    },
    "sq": {
        "title": "netSMARTkids 2025: Fëmijë më të sigurt dhe më të mbrojtur online në shkolla të sigurta",
        "slug": "netsmartkids-2025",
        "summary": "Fushata kombëtare në shkolla, nga janari deri në qershor 2025: seanca ndërgjegjësimi për nxënësit dhe takime me prindërit, mësuesit dhe psikologët në të 12 qarqet e vendit.",
        "image_alt": "Ilustrim me tre figura njerëzish, njëra me ngjyrë portokalli, mbi sfond jeshil.",
        "tags": ["fushatë kombëtare", "shkolla", "ngacmimi online"],
        "body": [
            heading("Për çfarë është fushata"),
            paragraph(
                "<p>netSMARTkids është fushata kombëtare e shkollave për vitin 2025. E zhvillojnë stafi dhe vullnetarët e linjës ALO 116 111, bashkë me CRCA/ECPAT Shqipëri dhe iSIGURT.al, me mbështetjen e programit Europa Digjitale të Bashkimit Evropian.</p><p>Në çdo shkollë nxënësit flasin për ngacmimin online, shantazhin, privatësinë dhe mënyrat për të kërkuar ndihmë. Prindërit, mësuesit, psikologët, punonjësit e sigurisë në shkolla dhe punonjësit e mbrojtjes së fëmijës marrin udhëzime praktike se si t'i mbështesin.</p>"
            ),
            heading("Ku shkojmë"),
            paragraph(
                "<p>Fushata shkon në shkolla fillore dhe të mesme, në qytete dhe në fshatra, në të 12 qarqet: Berat, Dibër, Durrës, Elbasan, Fier, Gjirokastër, Korçë, Kukës, Lezhë, Shkodër, Tiranë dhe Vlorë.</p>"
            ),
            heading("Synimi ynë"),
            paragraph(
                "<p>Gjatë vitit synojmë të arrijmë 20 000 fëmijë dhe adoleshentë. Shifrat e arritjes publikohen këtu sapo shkollat t'i regjistrojnë dhe t'i verifikojnë veprimtaritë e tyre.</p>"
            ),
            call_to_action(
                "Sillni fushatën në shkollën tuaj",
                "Shiko mësimet",
                text="Mësuesit dhe psikologët mund të shkarkojnë materialet e fushatës dhe të zhvillojnë një orë mësimi me nxënësit.",
                page="lessons",
            ),
        ],
    },
    "en": {
        "title": "netSMARTkids 2025: Safer and better protected children online in safe schools",
        "slug": "netsmartkids-2025",
        "summary": "A national schools campaign from January to June 2025: awareness sessions for students and meetings with parents, teachers and psychologists in all 12 regions of the country.",
        "image_alt": "Illustration of three figures, one of them orange, on a green background.",
        "tags": ["national campaign", "schools", "cyberbullying"],
        "body": [
            heading("What the campaign is about"),
            paragraph(
                "<p>netSMARTkids is the national schools campaign for 2025. It is run by the staff and volunteers of the ALO 116 111 helpline, together with CRCA/ECPAT Albania and iSIGURT.al, with support from the European Union's Digital Europe programme.</p><p>In every school, students talk about online bullying, blackmail, privacy and ways to ask for help. Parents, teachers, psychologists, school security officers and child protection workers get practical advice on how to support them.</p>"
            ),
            heading("Where we go"),
            paragraph(
                "<p>The campaign visits primary and secondary schools, in towns and villages, in all 12 regions: Berat, Dibër, Durrës, Elbasan, Fier, Gjirokastër, Korçë, Kukës, Lezhë, Shkodër, Tiranë and Vlorë.</p>"
            ),
            heading("Our goal"),
            paragraph(
                "<p>During the year we aim to reach 20,000 children and adolescents. Reach figures are published here as soon as schools have logged and verified their activities.</p>"
            ),
            call_to_action(
                "Bring the campaign to your school",
                "See the lessons",
                text="Teachers and psychologists can download the campaign material and run a lesson with their students.",
                page="lessons",
            ),
        ],
    },
}


def _quarterly(key, image_key, start, end, audiences, sq, en):
    """A quarterly themed campaign: same shape, different words."""
    flags = {
        f"for_{name}": name in audiences
        for name in ("children", "parents", "teachers", "ambassadors")
    }
    return {
        "key": key,
        "type": "campaigns.CampaignPage",
        "parent": "campaigns",
        "fields": {"start_date": start, "end_date": end, "image": image_ref(image_key), **flags},
        "sq": sq,
        "en": en,
    }


QUARTERLY_CAMPAIGNS = [
    _quarterly(
        "campaign-online-sexual-abuse",
        "campaign-abuse",
        date(2025, 7, 1),
        date(2025, 9, 30),
        {"children", "parents"},
        {
            "title": "Dhuna seksuale online ndaj fëmijëve është krim. Raportoje!",
            "slug": "raporto-abuzimin-seksual-online",
            "summary": "Fushatë tremujore që u tregon fëmijëve dhe prindërve si ta njohin abuzimin seksual online dhe ku ta raportojnë, pa frikë.",
            "image_alt": "Ilustrim i një mburoje të bardhë me shenjë konfirmimi, mbi sfond vjollcë.",
            "tags": ["abuzimi seksual online", "raportimi"],
            "body": [
                paragraph(
                    "<p>Kërkesa për foto intime, kërcënime për t'i publikuar, biseda që të bëjnë të ndihesh keq: të gjitha këto janë dhunë, edhe kur ndodhin vetëm në ekran. Fëmija nuk ka asnjë faj.</p>"
                ),
                paragraph(
                    "<p>Gjatë kësaj fushate shkollat e rrjetit vendosin postera me numrin ALO 116 111 dhe adresën e linjës iSIGURT.al, ndërsa ambasadorët flasin me shokët e tyre se si të raportojnë.</p>"
                ),
                call_to_action("Ke nevojë për ndihmë tani?", "Merr ndihmë", page="get-help"),
            ],
        },
        {
            "title": "Online sexual violence against children is a crime. Report it!",
            "slug": "report-online-sexual-abuse",
            "summary": "A quarterly campaign that shows children and parents how to recognise online sexual abuse and where to report it, without fear.",
            "image_alt": "Illustration of a white shield with a tick, on a purple background.",
            "tags": ["online sexual abuse", "reporting"],
            "body": [
                paragraph(
                    "<p>Requests for intimate photos, threats to publish them, conversations that make you feel bad: all of this is violence, even when it happens only on a screen. The child is never to blame.</p>"
                ),
                paragraph(
                    "<p>During this campaign the network's schools put up posters with the ALO 116 111 number and the iSIGURT.al hotline address, and ambassadors talk to their classmates about how to report.</p>"
                ),
                call_to_action("Do you need help now?", "Get help", page="get-help"),
            ],
        },
    ),
    _quarterly(
        "campaign-online-bullying",
        "campaign-bullying",
        date(2025, 10, 1),
        date(2025, 12, 31),
        {"children", "teachers", "ambassadors"},
        {
            "title": "Ndalo ngacmimin online",
            "slug": "ndalo-ngacmimin-online",
            "summary": "Ambasadorët e Internetit të Sigurt u tregojnë shokëve si ta njohin ngacmimin online, si ta mbështesin atë që ngacmohet dhe kujt t'i drejtohen.",
            "image_alt": "Ilustrim me tre flluska bisede, njëra blu, mbi sfond portokalli.",
            "tags": ["ngacmimi online", "ambasadorët"],
            "body": [
                paragraph(
                    "<p>Një koment fyes, një foto e shpërndarë pa leje, një grup nga i cili përjashtohesh: ngacmimi online lëndon si ai në oborrin e shkollës, por të ndjek edhe në shtëpi.</p>"
                ),
                paragraph(
                    "<p>Në këtë tremujor, çdo shkollë e rrjetit zhvillon të paktën një orë mësimi për ngacmimin online dhe ambasadorët krijojnë me klasat e tyre rregulla për sjelljen në grupet e bisedës.</p>"
                ),
                call_to_action(
                    "Një mësim gati për klasën", "Hap mësimin", page="lesson-cyberbullying"
                ),
            ],
        },
        {
            "title": "Stop online bullying",
            "slug": "stop-online-bullying",
            "summary": "Safe Internet Ambassadors show their classmates how to recognise online bullying, how to support the person being bullied and who to turn to.",
            "image_alt": "Illustration of three speech bubbles, one of them blue, on an orange background.",
            "tags": ["cyberbullying", "ambassadors"],
            "body": [
                paragraph(
                    "<p>A hurtful comment, a photo shared without permission, a group you are shut out of: online bullying hurts like bullying in the schoolyard, but it follows you home too.</p>"
                ),
                paragraph(
                    "<p>This quarter, every school in the network runs at least one lesson on online bullying, and ambassadors agree rules for chat groups with their classes.</p>"
                ),
                call_to_action(
                    "A lesson ready for the classroom",
                    "Open the lesson",
                    page="lesson-cyberbullying",
                ),
            ],
        },
    ),
    _quarterly(
        "campaign-hate-speech",
        "campaign-hate",
        date(2026, 1, 15),
        date(2026, 4, 15),
        {"children", "teachers"},
        {
            "title": "Raporto krimet dhe gjuhën e urrejtjes online",
            "slug": "raporto-gjuhen-e-urrejtjes",
            "summary": "Fushatë tremujore kundër gjuhës së urrejtjes: si ta dallojmë nga një mendim i ndryshëm, si t'i përgjigjemi dhe si ta raportojmë.",
            "image_alt": "Ilustrim i një megafoni të bardhë mbi sfond blu.",
            "tags": ["gjuha e urrejtjes", "raportimi"],
            "body": [
                paragraph(
                    "<p>Gjuha e urrejtjes sulmon njerëzit për atë që janë: për origjinën, fenë, aftësinë e kufizuar, gjininë ose orientimin. Kur përhapet online, mund të kthehet në kërcënim dhe dhunë.</p>"
                ),
                paragraph(
                    "<p>Raportoni postimet e tilla në platformë dhe në linjën iSIGURT.al. Si sinjalizues i besuar, iSIGURT.al ua përcjell ato platformave, që i trajtojnë me përparësi.</p>"
                ),
                call_to_action("Raporto në iSIGURT.al", "Raporto", url=SITE["report_url"]),
            ],
        },
        {
            "title": "Report online hate crimes and speech",
            "slug": "report-online-hate",
            "summary": "A quarterly campaign against hate speech: how to tell it apart from a different opinion, how to respond and how to report it.",
            "image_alt": "Illustration of a white megaphone on a blue background.",
            "tags": ["hate speech", "reporting"],
            "body": [
                paragraph(
                    "<p>Hate speech attacks people for who they are: their origin, religion, disability, gender or orientation. When it spreads online it can turn into threats and violence.</p>"
                ),
                paragraph(
                    "<p>Report such posts on the platform and to the iSIGURT.al hotline. As a trusted flagger, iSIGURT.al passes them on to the platforms, which handle them as a priority.</p>"
                ),
                call_to_action("Report to iSIGURT.al", "Report", url=SITE["report_url"]),
            ],
        },
    ),
    _quarterly(
        "campaign-where-to-report",
        "campaign-report",
        date(2026, 9, 15),
        date(2026, 12, 31),
        {"children", "parents", "teachers", "ambassadors"},
        {
            "title": "Ku të raportosh? Një telefonatë, një klikim",
            "slug": "ku-te-raportosh",
            "summary": "Shumë fëmijë nuk raportojnë sepse nuk e dinë ku. Kjo fushatë e bën të qartë: ALO 116 111 për të folur me dikë, iSIGURT.al për të raportuar përmbajtjen.",
            "image_alt": "Ilustrim i një telefoni me mburojë në ekran, mbi sfond jeshil.",
            "tags": ["raportimi", "ALO 116 111"],
            "body": [
                paragraph(
                    "<p>Kur diçka shkon keq online, nuk duhet ta zgjidhësh vetëm. Telefono falas në ALO 116 111 për të folur me një këshillues, ose raporto përmbajtjen e dëmshme në iSIGURT.al.</p>"
                ),
                call_to_action("Mëso hapat e raportimit", "Hap mësimin", page="lesson-reporting"),
            ],
        },
        {
            "title": "Where to report? One call, one click",
            "slug": "where-to-report",
            "summary": "Many children do not report because they do not know where to. This campaign makes it clear: ALO 116 111 to talk to someone, iSIGURT.al to report content.",
            "image_alt": "Illustration of a phone with a shield on its screen, on a green background.",
            "tags": ["reporting", "ALO 116 111"],
            "body": [
                paragraph(
                    "<p>When something goes wrong online, you do not have to sort it out alone. Call ALO 116 111 for free to talk to a counsellor, or report harmful content to iSIGURT.al.</p>"
                ),
                call_to_action(
                    "Learn the steps for reporting", "Open the lesson", page="lesson-reporting"
                ),
            ],
        },
    ),
]

SID_2025 = {
    "key": "sid-2025",
    "type": "campaigns.EventPage",
    "parent": "campaigns",
    "fields": {
        "kind": "sid",
        "starts_at": datetime(2025, 2, 11, 9, 30),
        "ends_at": datetime(2025, 2, 11, 13, 30),
    },
    "sq": {
        "title": "Dita e Internetit më të Sigurt 2025: Forumi i 10-të Kombëtar për Sigurinë e Fëmijëve Online",
        "slug": "dita-e-internetit-me-te-sigurt-2025",
        "place": "Tiranë",
        "summary": "Forumi i dhjetë kombëtar mblodhi nxënës, mësues, institucione dhe kompani teknologjike. U prezantua Raporti vjetor 2024 dhe u nis rrjeti kombëtar për sigurinë digjitale në shkolla.",
        "programme": [
            programme_item("09:30", "Mirëseardhja dhe hapja e forumit", "CRCA/ECPAT Shqipëri"),
            programme_item(
                "10:00",
                "Raporti vjetor 2024 për sigurinë në internet",
                "iSIGURT.al",
                "Shifrat e raportimeve të vitit 2024 dhe çfarë na mësojnë.",
            ),
            programme_item(
                "10:45",
                "Nisja e Rrjetit kombëtar për sigurinë digjitale në shkolla",
                "Ministria e Arsimit dhe Sportit",
            ),
            programme_item(
                "11:30",
                "Paneli i të rinjve: çfarë na shqetëson online",
                "Ambasadorë të Internetit të Sigurt",
            ),
            programme_item(
                "12:30",
                "Bashkëpunimi me platformat dhe me policinë",
                "Përfaqësues të institucioneve dhe të industrisë",
            ),
            programme_item("13:15", "Përfundime dhe hapat e ardhshëm"),
        ],
        "body": [
            paragraph(
                "<p>Dita e Internetit më të Sigurt shënohet çdo vit të martën e dytë të shkurtit. Në vitin 2025 ajo përkoi me forumin e dhjetë kombëtar për sigurinë e fëmijëve online, ku u prezantua edhe raporti vjetor.</p>"
            ),
            document("annual-report-2024", "Shkarko Raportin vjetor 2024 (PDF)"),
        ],
    },
    "en": {
        "title": "Safer Internet Day 2025: 10th National Forum on Child Online Safety",
        "slug": "safer-internet-day-2025",
        "place": "Tirana",
        "summary": "The tenth national forum brought together students, teachers, institutions and technology companies. The 2024 Annual Report was presented and the national network for digital safety in schools was launched.",
        "programme": [
            programme_item("09:30", "Welcome and opening of the forum", "CRCA/ECPAT Albania"),
            programme_item(
                "10:00",
                "Annual Report 2024 on Internet Safety",
                "iSIGURT.al",
                "The 2024 report figures and what they teach us.",
            ),
            programme_item(
                "10:45",
                "Launch of the National Network for Digital Safety in Schools",
                "Ministry of Education and Sports",
            ),
            programme_item(
                "11:30", "Youth panel: what worries us online", "Safe Internet Ambassadors"
            ),
            programme_item(
                "12:30",
                "Working with the platforms and the police",
                "Representatives of institutions and industry",
            ),
            programme_item("13:15", "Conclusions and next steps"),
        ],
        "body": [
            paragraph(
                "<p>Safer Internet Day is held every year on the second Tuesday of February. In 2025 it coincided with the tenth national forum on child online safety, where the annual report was also presented.</p>"
            ),
            document("annual-report-2024", "Download the Annual Report 2024 (PDF)"),
        ],
    },
}

KORCE_CONSULTATION = {
    "key": "consultation-korce-2024",
    "type": "campaigns.EventPage",
    "parent": "campaigns",
    "fields": {
        "kind": "consultation",
        "starts_at": datetime(2024, 12, 19, 10, 0),
        "ends_at": datetime(2024, 12, 19, 14, 0),
    },
    "sq": {
        "title": "Konsultim rajonal me profesionistët e qarkut të Korçës",
        "slug": "konsultim-rajonal-korce-2024",
        "place": "Korçë",
        "summary": "Punonjës të mbrojtjes së fëmijës, mësues, psikologë dhe policë nga katër bashki të qarkut të Korçës diskutuan si t'i referojnë më shpejt rastet e dhunës online ndaj fëmijëve.",
        "programme": [
            programme_item(
                "10:00", "Rreziqet online për fëmijët: çfarë shohim në raportime", "iSIGURT.al"
            ),
            programme_item("11:00", "Puna në grupe: rrugët e referimit në çdo bashki"),
            programme_item("13:00", "Rekomandime të përbashkëta"),
        ],
        "body": [
            paragraph(
                "<p>Pjesëmarrësit ndanë përvojat e tyre me rastet e ngacmimit dhe të shantazhit online dhe hartuan rekomandime për bashkëpunimin midis shkollave, njësive të mbrojtjes së fëmijës dhe policisë.</p>"
            ),
        ],
    },
    "en": {
        "title": "Regional consultation with professionals of Korçë region",
        "slug": "regional-consultation-korce-2024",
        "place": "Korçë",
        "summary": "Child protection workers, teachers, psychologists and police officers from four municipalities of Korçë region discussed how to refer cases of online violence against children faster.",
        "programme": [
            programme_item(
                "10:00", "Online risks for children: what the reports show", "iSIGURT.al"
            ),
            programme_item("11:00", "Group work: referral pathways in each municipality"),
            programme_item("13:00", "Shared recommendations"),
        ],
        "body": [
            paragraph(
                "<p>Participants shared their experience of cases of online bullying and blackmail and drew up recommendations for cooperation between schools, child protection units and the police.</p>"
            ),
        ],
    },
}

SID_2027 = {
    "key": "sid-2027",
    "type": "campaigns.EventPage",
    "parent": "campaigns",
    "fields": {
        "kind": "sid",
        "starts_at": datetime(2027, 2, 9, 9, 30),
        "ends_at": datetime(2027, 2, 9, 13, 0),
    },
    "sq": {
        "title": "Dita e Internetit më të Sigurt 2027",
        "slug": "dita-e-internetit-me-te-sigurt-2027",
        "place": "Tiranë dhe shkollat e rrjetit",
        "summary": "Të martën, më 9 shkurt 2027, shkollat e rrjetit organizojnë veprimtari me nxënësit dhe në Tiranë mbahet forumi kombëtar, ku prezantohet raporti vjetor.",
        "programme": [
            programme_item("09:30", "Hapja e forumit kombëtar"),
            programme_item("10:00", "Prezantimi i raportit vjetor", "iSIGURT.al"),
            programme_item(
                "11:00",
                "Veprimtaritë e ambasadorëve në shkolla",
                "Ambasadorë të Internetit të Sigurt",
            ),
        ],
        "body": [
            paragraph(
                "<p>Programi i plotë do të publikohet në janar. Shkollat që duan të marrin pjesë mund t'i regjistrojnë veprimtaritë e tyre që tani.</p>"
            ),
        ],
    },
    "en": {
        "title": "Safer Internet Day 2027",
        "slug": "safer-internet-day-2027",
        "place": "Tirana and the network's schools",
        "summary": "On Tuesday 9 February 2027 the network's schools hold activities with their students and the national forum meets in Tirana, where the annual report is presented.",
        "programme": [
            programme_item("09:30", "Opening of the national forum"),
            programme_item("10:00", "Presentation of the annual report", "iSIGURT.al"),
            programme_item(
                "11:00", "Ambassadors' activities in schools", "Safe Internet Ambassadors"
            ),
        ],
        "body": [
            paragraph(
                "<p>The full programme will be published in January. Schools that want to take part can log their activities now.</p>"
            ),
        ],
    },
}

ANNUAL_REPORT_2024 = {
    "key": "annual-report-2024",
    "type": "campaigns.AnnualReportPage",
    "parent": "campaigns",
    "fields": {"year": 2024, "report_document": document_ref("annual-report-2024")},
    "sq": {
        "title": "Raporti vjetor 2024 për sigurinë në internet në Shqipëri",
        "slug": "raporti-vjetor-2024",
        "summary": "Raporti u prezantua në Ditën e Internetit më të Sigurt 2025. Ai përmbledh raportimet që mori iSIGURT.al gjatë vitit 2024 për materiale të abuzimit seksual të fëmijëve, krime dhe gjuhë urrejtjeje dhe ngacmim online.",
        "key_figures": [
            key_figures(
                "Viti 2024 me shifra",
                [
                    ("407", "incidente të raportuara në iSIGURT.al"),
                    ("62%", "e viktimave ishin vajza"),
                    ("Shantazhi", "seksual dhe ngacmimi ishin incidentet më të raportuara"),
                ],
                "iSIGURT.al, Raporti vjetor 2024",
                block_type="figures",
            )
        ],
        "body": [
            heading("Çfarë tregon raporti"),
            paragraph(
                "<p>Shumica e viktimave janë vajza, ndërsa shantazhi seksual dhe ngacmimi janë rastet më të raportuara. Për ne kjo do të thotë edukim për sigurinë digjitale në çdo shkollë, mbështetje për prindërit dhe referim më i shpejtë i rasteve.</p>"
            ),
        ],
    },
    "en": {
        "title": "Annual Report 2024 on Internet Safety in Albania",
        "slug": "annual-report-2024",
        "summary": "The report was presented on Safer Internet Day 2025. It sums up the reports iSIGURT.al received in 2024 about child sexual abuse material, hate crimes and hate speech, and online bullying.",
        "key_figures": [
            key_figures(
                "2024 in figures",
                [
                    ("407", "incidents reported to iSIGURT.al"),
                    ("62%", "of the victims were girls"),
                    ("Sextortion", "and bullying were the most reported incidents"),
                ],
                "iSIGURT.al, Annual Report 2024",
                block_type="figures",
            )
        ],
        "body": [
            heading("What the report shows"),
            paragraph(
                "<p>Most victims are girls, and sextortion and bullying are the most reported cases. For us this means digital safety education in every school, support for parents and faster referral of cases.</p>"
            ),
        ],
    },
}

LESSON_INDEX = {
    "key": "lessons",
    "type": "lessons.LessonIndexPage",
    "parent": "home",
    "fields": {"show_in_menus": True},
    "sq": {
        "title": "Mësime",
        "slug": "mesime",
        "intro": "Mësime të shkurtra dhe praktike për klasën, për veprimtaritë e ambasadorëve dhe për bisedat në familje. Zgjidhni temën, moshën dhe kë keni përballë.",
    },
    "en": {
        "title": "Lessons",
        "slug": "lessons",
        "intro": "Short, practical lessons for the classroom, for ambassadors' activities and for conversations at home. Choose the topic, the age and who you are working with.",
    },
}


def _lesson(key, *, age_band, minutes, audiences, image_key=None, resource=None, sq, en):
    """A lesson spec: shared settings here, words in sq and en."""
    fields = {
        "age_band": age_band,
        "duration_minutes": minutes,
        **{
            f"for_{name}": name in audiences
            for name in ("children", "parents", "teachers", "ambassadors")
        },
        "image": image_ref(image_key) if image_key else None,
        "resources": [document(resource)] if resource else [],
    }
    return {
        "key": key,
        "type": "lessons.LessonPage",
        "parent": "lessons",
        "fields": fields,
        "sq": sq,
        "en": en,
    }


LESSONS = [
    _lesson(
        "lesson-cyberbullying",
        age_band="lower_secondary",
        minutes=45,
        audiences={"children", "teachers", "ambassadors"},
        image_key="lesson-bullying",
        resource="worksheet-bullying",
        sq={
            "title": "Kur fjalët lëndojnë: ngacmimi online",
            "slug": "kur-fjalet-lendojne",
            "summary": "Nxënësit mësojnë ta dallojnë shakanë nga ngacmimi online dhe çfarë mund të bëjnë kur një shok ngacmohet.",
            "image_alt": "Ilustrim me flluska bisede mbi sfond jeshil në blu.",
            "tags": ["ngacmimi online"],
            "objectives": "<ul><li>Dallojnë shakanë nga ngacmimi online.</li><li>Kuptojnë si ndihet ai që ngacmohet.</li><li>Dinë tri hapa për të ndihmuar një shok.</li></ul>",
            "steps": [
                step(
                    "Shaka apo ngacmim?",
                    10,
                    "<p>Lexoni me zë tre mesazhe të shkurtra. Nxënësit ngrenë kartonin e gjelbër për shakanë dhe të kuqin për ngacmimin, pastaj shpjegojnë pse.</p>",
                ),
                step(
                    "Në vendin e tjetrit",
                    15,
                    "<p>Në grupe, nxënësit plotësojnë fletën e punës: si mund të ndihet fëmija që merr mesazhet? Empatia është aftësia për ta parë situatën me sytë e tjetrit.</p>",
                ),
                step(
                    "Çfarë bën dëshmitari",
                    10,
                    "<p>Diskutoni çfarë mund të bëjë ai që e sheh ngacmimin: të mos e shpërndajë, t'i shkruajë shokut një mesazh mbështetës, të ruajë provat dhe t'i tregojë një të rrituri.</p>",
                ),
                step(
                    "Kujt i drejtohemi",
                    10,
                    "<p>Mbyllni me numrin ALO 116 111 dhe linjën iSIGURT.al. Secili nxënës shkruan në një letër të vogël emrin e një të rrituri të cilit i beson.</p>",
                ),
            ],
            "materials": "<ul><li>Kartonë të gjelbër dhe të kuq</li><li>Fleta e punës «Në vendin e tjetrit»</li><li>Tabela ose projektori</li></ul>",
        },
        en={
            "title": "When words hurt: online bullying",
            "slug": "when-words-hurt",
            "summary": "Students learn to tell a joke from online bullying, and what they can do when a friend is being bullied.",
            "image_alt": "Illustration of speech bubbles on a green-to-blue background.",
            "tags": ["cyberbullying"],
            "objectives": "<ul><li>Tell a joke from online bullying.</li><li>Understand how the person being bullied feels.</li><li>Know three ways to help a friend.</li></ul>",
            "steps": [
                step(
                    "Joke or bullying?",
                    10,
                    "<p>Read three short messages aloud. Students raise a green card for a joke and a red card for bullying, then explain why.</p>",
                ),
                step(
                    "In someone else's shoes",
                    15,
                    "<p>In groups, students fill in the worksheet: how might the child who receives these messages feel? Empathy is the ability to see a situation through someone else's eyes.</p>",
                ),
                step(
                    "What a bystander can do",
                    10,
                    "<p>Discuss what someone who sees the bullying can do: not pass it on, send their friend a supportive message, keep the evidence and tell an adult.</p>",
                ),
                step(
                    "Who we turn to",
                    10,
                    "<p>Close with the ALO 116 111 number and the iSIGURT.al hotline. Each student writes on a slip of paper the name of an adult they trust.</p>",
                ),
            ],
            "materials": "<ul><li>Green and red cards</li><li>The worksheet \u201cIn someone else's shoes\u201d</li><li>A board or projector</li></ul>",
        },
    ),
    _lesson(
        "lesson-sextortion",
        age_band="upper_secondary",
        minutes=50,
        audiences={"children", "teachers"},
        sq={
            "title": "Shantazhi seksual: askush nuk ka të drejtë të të kërcënojë",
            "slug": "shantazhi-seksual",
            "summary": "Si funksionon shantazhi seksual online (sextortion), pse viktima nuk ka faj dhe pesë hapa për të dalë prej tij.",
            "tags": ["shantazhi seksual", "raportimi"],
            "objectives": "<ul><li>Njohin mënyrat si fillon shantazhi seksual online.</li><li>Kuptojnë që faji është i shantazhuesit, kurrë i viktimës.</li><li>Dinë pesë hapat për të reaguar dhe ku të raportojnë.</li></ul>",
            "steps": [
                step(
                    "Si fillon",
                    10,
                    "<p>Lexoni historinë e një profili të rremë që fillon me komplimente dhe shpejt kërkon një foto intime. Nxënësit gjejnë momentin kur biseda ndryshon.</p>",
                ),
                step(
                    "Presioni i afatit",
                    10,
                    "<p>Shantazhuesi vendos një afat shumë të shkurtër, që viktima të mos ketë kohë të mendojë ose të kërkojë ndihmë. Afati është mjet presioni: mos u nxito dhe mos paguaj.</p>",
                ),
                step(
                    "Pesë hapat",
                    15,
                    "<ol><li>Mos paguaj dhe mos dërgo asgjë tjetër.</li><li>Ruaj mesazhet dhe emrin e profilit.</li><li>Blloko dhe raporto profilin në platformë.</li><li>Raporto në iSIGURT.al.</li><li>Tregoji një të rrituri ose telefono ALO 116 111.</li></ol>",
                ),
                step(
                    "Faji nuk është yti",
                    10,
                    "<p>Diskutoni pse viktimat heshtin dhe si mund t'i ndihmojë klasa të flasin. Mbyllni duke përsëritur: faji është gjithmonë i atij që kërcënon.</p>",
                ),
            ],
            "materials": "<ul><li>Historia e shkruar në fletë (një për çdo grup)</li><li>Posteri me pesë hapat</li></ul>",
        },
        en={
            "title": "Sextortion: no one has the right to threaten you",
            "slug": "sextortion",
            "summary": "How online sexual blackmail (sextortion) works, why the victim is never to blame and five steps to get out of it.",
            "tags": ["sextortion", "reporting"],
            "objectives": "<ul><li>Recognise how sextortion usually starts.</li><li>Understand that the blackmailer is to blame, never the victim.</li><li>Know five steps to respond and where to report.</li></ul>",
            "steps": [
                step(
                    "How it starts",
                    10,
                    "<p>Read the story of a fake profile that starts with compliments and soon asks for an intimate photo. Students find the moment the conversation changes.</p>",
                ),
                step(
                    "The pressure of a deadline",
                    10,
                    "<p>The blackmailer sets a very short deadline so that the victim has no time to think or ask for help. The deadline is a pressure tactic: do not rush and do not pay.</p>",
                ),
                step(
                    "Five steps",
                    15,
                    "<ol><li>Do not pay and do not send anything else.</li><li>Keep the messages and the profile name.</li><li>Block and report the profile on the platform.</li><li>Report to iSIGURT.al.</li><li>Tell an adult or call ALO 116 111.</li></ol>",
                ),
                step(
                    "It is not your fault",
                    10,
                    "<p>Discuss why victims stay silent and how the class can help them speak up. Close by repeating: the person making the threats is always to blame.</p>",
                ),
            ],
            "materials": "<ul><li>The story printed on paper (one per group)</li><li>The five-steps poster</li></ul>",
        },
    ),
    _lesson(
        "lesson-grooming",
        age_band="adults",
        minutes=40,
        audiences={"parents"},
        resource="guide-grooming",
        sq={
            "title": "Joshja online: shenjat që duhet të njohin prindërit",
            "slug": "joshja-online-per-prinderit",
            "summary": "Një takim për prindërit: si e fiton një abuzues besimin e fëmijës në internet, cilat janë shenjat paralajmëruese dhe si të flasin me fëmijën.",
            "tags": ["joshja online", "abuzimi seksual online"],
            "objectives": "<ul><li>Kuptojnë si ndërtohet një lidhje e rreme besimi online.</li><li>Njohin shenjat paralajmëruese.</li><li>Dinë si të flasin me fëmijën dhe ku të raportojnë.</li></ul>",
            "steps": [
                step(
                    "Si ndërtohet besimi i rremë",
                    10,
                    "<p>Shpjegoni fazat: miqësia, vëmendja e veçantë, izolimi nga të tjerët, kërkesa për fshehtësi.</p>",
                ),
                step(
                    "Shenjat paralajmëruese",
                    10,
                    "<p>Dhurata, kredit telefoni ose para nga një «mik» që fëmija nuk e ka takuar; fshehtësi e re rreth telefonit; ndryshime të papritura në humor.</p>",
                ),
                step(
                    "Biseda me fëmijën",
                    10,
                    "<p>Praktikoni në çifte si ta filloni bisedën pa frikësuar dhe pa fajësuar fëmijën.</p>",
                ),
                step(
                    "Kur duhet raportuar",
                    10,
                    "<p>Ruani bisedat, mos e kontaktoni vetë personin dhe raportoni në iSIGURT.al. Për këshilla, telefononi ALO 116 111.</p>",
                ),
            ],
            "materials": "<ul><li>Udhëzuesi për prindërit (PDF)</li><li>Projektor</li></ul>",
        },
        en={
            "title": "Grooming: warning signs for parents",
            "slug": "grooming-warning-signs",
            "summary": "A session for parents: how an abuser wins a child's trust online, what the warning signs are and how to talk with your child.",
            "tags": ["grooming", "online sexual abuse"],
            "objectives": "<ul><li>Understand how a false bond of trust is built online.</li><li>Recognise the warning signs.</li><li>Know how to talk with your child and where to report.</li></ul>",
            "steps": [
                step(
                    "How false trust is built",
                    10,
                    "<p>Explain the stages: friendship, special attention, isolation from others, a demand for secrecy.</p>",
                ),
                step(
                    "Warning signs",
                    10,
                    "<p>Gifts, phone credit or money from a \u201cfriend\u201d the child has never met; new secrecy about the phone; sudden changes in mood.</p>",
                ),
                step(
                    "Talking with your child",
                    10,
                    "<p>Practise in pairs how to start the conversation without frightening or blaming the child.</p>",
                ),
                step(
                    "When to report",
                    10,
                    "<p>Keep the conversations, do not contact the person yourself and report to iSIGURT.al. For advice, call ALO 116 111.</p>",
                ),
            ],
            "materials": "<ul><li>The parents' guide (PDF)</li><li>Projector</li></ul>",
        },
    ),
    _lesson(
        "lesson-hate-speech",
        age_band="upper_secondary",
        minutes=45,
        audiences={"children", "ambassadors"},
        image_key="lesson-hate",
        sq={
            "title": "Gjuha e urrejtjes online: ku kalon kufiri",
            "slug": "gjuha-e-urrejtjes-online",
            "summary": "Nxënësit dallojnë një mendim të ndryshëm nga gjuha e urrejtjes, praktikojnë si t'i përgjigjen me respekt dhe mësojnë ta raportojnë.",
            "image_alt": "Ilustrim i një megafoni mbi sfond portokalli.",
            "tags": ["gjuha e urrejtjes"],
            "objectives": "<ul><li>Dallojnë lirinë e shprehjes nga gjuha e urrejtjes.</li><li>Praktikojnë përgjigje që mbrojnë pa fyer.</li><li>Dinë ku ta raportojnë gjuhën e urrejtjes.</li></ul>",
            "steps": [
                step(
                    "Mendim apo urrejtje?",
                    10,
                    "<p>Renditni disa komente në një vijë nga «mendim i ndryshëm» te «urrejtje». Diskutoni ku kalon kufiri.</p>",
                ),
                step(
                    "Dinjiteti i çdo njeriu",
                    10,
                    "<p>Gjuha e urrejtjes e sulmon njeriun për atë që është. Dinjiteti i çdo njeriu mbrohet nga ligji, edhe online.</p>",
                ),
                step(
                    "Përgjigjja me respekt",
                    15,
                    "<p>Në grupe, nxënësit shkruajnë përgjigje që mbrojnë personin e sulmuar pa fyer askënd.</p>",
                ),
                step(
                    "Raporto",
                    10,
                    "<p>Tregoni si raportohet një postim në platformë dhe në iSIGURT.al.</p>",
                ),
            ],
            "materials": "<ul><li>Komente të printuara në karta</li><li>Shirit letre për vijën në dysheme</li></ul>",
        },
        en={
            "title": "Online hate speech: where the line is",
            "slug": "online-hate-speech",
            "summary": "Students tell a different opinion apart from hate speech, practise responding with respect and learn how to report it.",
            "image_alt": "Illustration of a megaphone on an orange background.",
            "tags": ["hate speech"],
            "objectives": "<ul><li>Tell freedom of expression apart from hate speech.</li><li>Practise responses that protect without insulting.</li><li>Know where to report hate speech.</li></ul>",
            "steps": [
                step(
                    "Opinion or hate?",
                    10,
                    "<p>Place some comments on a line from \u201cdifferent opinion\u201d to \u201chate\u201d. Discuss where the line is.</p>",
                ),
                step(
                    "Everyone's dignity",
                    10,
                    "<p>Hate speech attacks people for who they are. Every person's dignity is protected by law, online too.</p>",
                ),
                step(
                    "Responding with respect",
                    15,
                    "<p>In groups, students write replies that stand up for the person under attack without insulting anyone.</p>",
                ),
                step(
                    "Report it",
                    10,
                    "<p>Show how to report a post on the platform and to iSIGURT.al.</p>",
                ),
            ],
            "materials": "<ul><li>Comments printed on cards</li><li>A strip of paper for the line on the floor</li></ul>",
        },
    ),
    _lesson(
        "lesson-privacy",
        age_band="primary",
        minutes=35,
        audiences={"children"},
        image_key="lesson-privacy",
        sq={
            "title": "Të dhënat e mia janë të miat",
            "slug": "te-dhenat-e-mia",
            "summary": "Për klasat e ulëta: çfarë është informacion privat, pse nuk e ndajmë me të panjohurit dhe si krijojmë një fjalëkalim të fortë.",
            "image_alt": "Ilustrim i një dryni të bardhë mbi sfond vjollcë.",
            "tags": ["privatësia"],
            "objectives": "<ul><li>Dallojnë informacionin privat nga ai publik.</li><li>Kuptojnë që çdo postim mbetet online.</li><li>Krijojnë një fjalëkalim të fortë.</li></ul>",
            "steps": [
                step(
                    "Çfarë është privat",
                    10,
                    "<p>Nxënësit ndajnë kartat në dy kuti: «mund ta tregoj» (ngjyra e preferuar) dhe «e mbaj për vete» (adresa, shkolla, fjalëkalimi).</p>",
                ),
                step(
                    "Gjurmët që lëmë",
                    10,
                    "<p>Çdo foto dhe çdo koment lë gjurmët e veta në internet. Ndryshe nga gjurmët në rërë, këto nuk i fshin deti.</p>",
                ),
                step(
                    "Fjalëkalimi i fortë",
                    10,
                    "<p>Bashkoni tri fjalë që nuk lidhen me njëra-tjetrën dhe një numër. Mos ia tregoni askujt përveç prindërve.</p>",
                ),
                step(
                    "Pyet një të rritur",
                    5,
                    "<p>Përfundoni me rregullin: para se të shkruash diçka për veten, pyet një të rritur.</p>",
                ),
            ],
            "materials": "<ul><li>Karta me shembuj informacioni</li><li>Dy kuti</li></ul>",
        },
        en={
            "title": "My data belongs to me",
            "slug": "my-data-belongs-to-me",
            "summary": "For younger classes: what private information is, why we do not share it with strangers and how to make a strong password.",
            "image_alt": "Illustration of a white padlock on a purple background.",
            "tags": ["privacy"],
            "objectives": "<ul><li>Tell private information apart from public information.</li><li>Understand that every post stays online.</li><li>Make a strong password.</li></ul>",
            "steps": [
                step(
                    "What is private",
                    10,
                    "<p>Students sort cards into two boxes: \u201cI can tell\u201d (favourite colour) and \u201cI keep to myself\u201d (address, school, password).</p>",
                ),
                step(
                    "The footprint we leave",
                    10,
                    "<p>Every photo and every comment leaves a footprint on the internet. Unlike a footprint in the sand, the sea does not wash it away.</p>",
                ),
                step(
                    "A strong password",
                    10,
                    "<p>Join three unrelated words and a number. Never tell it to anyone except your parents.</p>",
                ),
                step(
                    "Ask an adult",
                    5,
                    "<p>Finish with the rule: before you write anything about yourself, ask an adult.</p>",
                ),
            ],
            "materials": "<ul><li>Cards with examples of information</li><li>Two boxes</li></ul>",
        },
    ),
    _lesson(
        "lesson-media-literacy",
        age_band="lower_secondary",
        minutes=45,
        audiences={"children", "teachers"},
        image_key="lesson-media",
        sq={
            "title": "E vërtetë apo e rreme? Si t'i dallojmë dezinformatat",
            "slug": "e-vertete-apo-e-rreme",
            "summary": "Nxënësit mësojnë tri pyetje për çdo lajm, si ta kontrollojnë një foto dhe pse duhet të mendojnë para se të shpërndajnë.",
            "image_alt": "Ilustrim i një syri të madh mbi sfond jeshil.",
            "tags": ["edukimi mediatik", "dezinformata"],
            "objectives": "<ul><li>Njohin titujt që kërkojnë vetëm klikime.</li><li>Kontrollojnë burimin e një lajmi.</li><li>Mendojnë para se të shpërndajnë.</li></ul>",
            "steps": [
                step(
                    "Titulli që të bën të klikosh",
                    10,
                    "<p>Karremi i klikimeve është një titull që premton diçka tronditëse për të të bërë të hapësh lidhjen. Nxënësit gjejnë shembuj dhe i rishkruajnë me ndershmëri.</p>",
                ),
                step(
                    "Tri pyetje për çdo lajm",
                    15,
                    "<p>Kush e ka shkruar? Nga e di? Çfarë thonë burime të tjera? Nxënësit i provojnë pyetjet te tre lajme.</p>",
                ),
                step(
                    "Foto e vjetër, histori e re",
                    10,
                    "<p>Tregoni si kërkohet një foto në internet për të parë ku është publikuar për herë të parë.</p>",
                ),
                step(
                    "Para se ta shpërndash",
                    10,
                    "<p>Çdo grup harton një rregull të shkurtër për klasën: çfarë kontrollojmë para se të shpërndajmë një lajm.</p>",
                ),
            ],
            "materials": "<ul><li>Tre lajme të printuara</li><li>Kompjuter ose telefon me internet për mësuesin</li></ul>",
        },
        en={
            "title": "True or false? Spotting disinformation",
            "slug": "true-or-false",
            "summary": "Students learn three questions to ask about any news story, how to check a photo and why to think before sharing.",
            "image_alt": "Illustration of a large eye on a green background.",
            "tags": ["media literacy", "disinformation"],
            "objectives": "<ul><li>Recognise headlines that only want clicks.</li><li>Check the source of a story.</li><li>Think before sharing.</li></ul>",
            "steps": [
                step(
                    "The headline that makes you click",
                    10,
                    "<p>Clickbait is a headline that promises something shocking to make you open the link. Students find examples and rewrite them honestly.</p>",
                ),
                step(
                    "Three questions for every story",
                    15,
                    "<p>Who wrote it? How do they know? What do other sources say? Students try the questions on three stories.</p>",
                ),
                step(
                    "Old photo, new story",
                    10,
                    "<p>Show how to search for a photo online to see where it was first published.</p>",
                ),
                step(
                    "Before you share",
                    10,
                    "<p>Each group drafts a short class rule: what we check before sharing a story.</p>",
                ),
            ],
            "materials": "<ul><li>Three printed news stories</li><li>A computer or phone with internet for the teacher</li></ul>",
        },
    ),
    _lesson(
        "lesson-screen-time",
        age_band="all",
        minutes=30,
        audiences={"parents"},
        image_key="lesson-screen",
        sq={
            "title": "Koha para ekranit: një plan familjar",
            "slug": "koha-para-ekranit",
            "summary": "Një veprimtari për prindërit dhe fëmijët: shikoni si e kaloni kohën, vendosni rregulla bashkë dhe mbroni orët e pushimit.",
            "image_alt": "Ilustrim i një hëne të re dhe yjeve mbi sfond vjollcë të errët.",
            "tags": ["koha para ekranit", "familja"],
            "objectives": "<ul><li>Kuptojnë si e kalon familja kohën para ekranit.</li><li>Hartojnë bashkë një plan familjar.</li><li>Mbrojnë kohën e pushimit dhe të bisedës.</li></ul>",
            "steps": [
                step(
                    "Si e kalojmë kohën",
                    10,
                    "<p>Çdo anëtar i familjes shënon për një javë sa kohë kalon para ekranit dhe për çfarë.</p>",
                ),
                step(
                    "Rregullat tona",
                    10,
                    "<p>Bashkë vendosni dy ose tri rregulla, për shembull: pa telefona në tryezën e ngrënies.</p>",
                ),
                step(
                    "Pa ekrane para gjumit",
                    5,
                    "<p>Gjumi i mirë ka nevojë për një orë pa ekrane. Telefonat ngarkohen jashtë dhomës së fjetjes.</p>",
                ),
                step(
                    "Rishikoni pas një muaji",
                    5,
                    "<p>Uluni sërish bashkë dhe ndryshoni atë që nuk funksionoi.</p>",
                ),
            ],
            "materials": "<ul><li>Tabela javore (letër dhe laps)</li></ul>",
        },
        en={
            "title": "Screen time: a family plan",
            "slug": "screen-time-family-plan",
            "summary": "An activity for parents and children: look at how you spend your time, agree rules together and protect time for rest.",
            "image_alt": "Illustration of a crescent moon and stars on a dark purple background.",
            "tags": ["screen time", "family"],
            "objectives": "<ul><li>Understand how the family spends time in front of screens.</li><li>Draw up a family plan together.</li><li>Protect time for rest and conversation.</li></ul>",
            "steps": [
                step(
                    "How we spend our time",
                    10,
                    "<p>For one week, each family member notes how long they spend in front of a screen and what for.</p>",
                ),
                step(
                    "Our rules",
                    10,
                    "<p>Together, agree two or three rules, for example: no phones at the dinner table.</p>",
                ),
                step(
                    "No screens before bedtime",
                    5,
                    "<p>Good sleep needs an hour without screens before bedtime. Phones charge outside the bedroom.</p>",
                ),
                step(
                    "Review after a month",
                    5,
                    "<p>Sit down together again and change what did not work.</p>",
                ),
            ],
            "materials": "<ul><li>A weekly table (paper and pencil)</li></ul>",
        },
    ),
    _lesson(
        "lesson-reporting",
        age_band="all",
        minutes=40,
        audiences={"children", "parents", "teachers", "ambassadors"},
        resource="report-steps",
        sq={
            "title": "Ku dhe si të raportosh",
            "slug": "ku-dhe-si-te-raportosh",
            "summary": "Çfarë mund të raportohet, kujt i drejtohemi dhe si e ruajmë provën, me një skemë të thjeshtë për çdo moshë.",
            "tags": ["raportimi"],
            "objectives": "<ul><li>Dinë çfarë mund të raportohet.</li><li>Dallojnë kur telefonojnë ALO 116 111 dhe kur raportojnë në iSIGURT.al.</li><li>Ruajnë provat në mënyrë të sigurt.</li></ul>",
            "steps": [
                step(
                    "Çfarë mund të raportohet",
                    10,
                    "<p>Ngacmimi, kërcënimet, gjuha e urrejtjes, kërkesat për foto intime dhe çdo material që tregon abuzim me fëmijë.</p>",
                ),
                step(
                    "Skema e raportimit",
                    15,
                    "<p>Ndiqni skemën hap pas hapi me tri raste të ndryshme: a je në rrezik tani, ke nevojë të flasësh me dikë, ke parë përmbajtje të paligjshme?</p>",
                ),
                step(
                    "Raportimi në platformë",
                    10,
                    "<p>Tregoni butonin e raportimit në dy platforma që përdorin nxënësit. Ruani lidhjen, por mos e shpërndani materialin.</p>",
                ),
                step(
                    "ALO 116 111 dhe iSIGURT.al",
                    5,
                    "<p>Përsërisni bashkë numrin dhe adresën dhe shkruajini në fletoren e çdo nxënësi.</p>",
                ),
            ],
            "materials": "<ul><li>Skema e raportimit (PDF)</li><li>Tri raste të shkruara në karta</li></ul>",
        },
        en={
            "title": "Where and how to report",
            "slug": "where-and-how-to-report",
            "summary": "What can be reported, who to turn to and how to keep the evidence, with a simple flowchart for every age.",
            "tags": ["reporting"],
            "objectives": "<ul><li>Know what can be reported.</li><li>Know when to call ALO 116 111 and when to report to iSIGURT.al.</li><li>Keep the evidence safely.</li></ul>",
            "steps": [
                step(
                    "What can be reported",
                    10,
                    "<p>Bullying, threats, hate speech, requests for intimate photos and any material that shows the abuse of children.</p>",
                ),
                step(
                    "The reporting flowchart",
                    15,
                    "<p>Follow the flowchart step by step with three different cases: are you in danger now, do you need to talk to someone, have you seen illegal content?</p>",
                ),
                step(
                    "Reporting on the platform",
                    10,
                    "<p>Show the report button on two platforms the students use. Keep the link, but do not share the material.</p>",
                ),
                step(
                    "ALO 116 111 and iSIGURT.al",
                    5,
                    "<p>Repeat the number and the address together and write them in every student's notebook.</p>",
                ),
            ],
            "materials": "<ul><li>The reporting steps (PDF)</li><li>Three cases written on cards</li></ul>",
        },
    ),
]

NEWSLETTER_INDEX = {
    "key": "newsletter",
    "type": "newsletters.NewsletterIndexPage",
    "parent": "home",
    "fields": {"show_in_menus": True},
    "sq": {
        "title": "Buletini për prindërit",
        "slug": "buletini",
        "intro": "Buletini digjital për prindërit: këshilla të shkurtra për jetën online të fëmijëve, lajme nga shkollat dhe ku të kërkoni ndihmë.",
    },
    "en": {
        "title": "Newsletter for parents",
        "slug": "newsletter",
        "intro": "The digital newsletter for parents: short advice on children's online lives, news from schools and where to find help.",
    },
}

NEWSLETTER_ISSUES = [
    {
        "key": "newsletter-2025-02",
        "type": "newsletters.NewsletterIssuePage",
        "parent": "newsletter",
        "fields": {"issue_date": date(2025, 2, 11), "image": image_ref("newsletter-launch")},
        "sq": {
            "title": "Shkurt 2025: Mirë se vini në buletinin për prindërit",
            "slug": "shkurt-2025",
            "summary": "Numri i parë i buletinit: pse e nisëm, tri gjëra që mund të bëni këtë muaj dhe ku të telefononi kur keni nevojë.",
            "image_alt": "Ilustrim i një libri të hapur mbi sfond blu.",
            "body": [
                heading("Pse një buletin për prindërit"),
                paragraph(
                    "<p>Fëmijët tanë rriten me telefonin në dorë. Ne, prindërit, shpesh nuk e dimë çfarë bëjnë online dhe si t'i mbrojmë pa i ndaluar. Ky buletin vjen çdo muaj me këshilla të shkurtra, të shkruara nga ekipi i iSIGURT.al dhe i linjës ALO 116 111.</p>"
                ),
                heading("Tri gjëra për këtë muaj"),
                paragraph(
                    "<ul><li><b>Pyesni, mos hetoni.</b> «Çfarë pe sot online që të pëlqeu?» hap më shumë dyer se kontrolli i fshehtë i telefonit.</li><li><b>Njihni aplikacionet.</b> Kërkojini fëmijës t'ju tregojë lojën ose aplikacionin e tij të preferuar.</li><li><b>Bini dakord për një rregull.</b> Një rregull i vetëm, i respektuar nga të gjithë, vlen më shumë se dhjetë.</li></ul>"
                ),
                key_figures(
                    "Linja ALO 116 111",
                    [
                        ("116 111", "numri i linjës për fëmijët dhe prindërit"),
                        ("24/7", "ditë e natë, çdo ditë"),
                        ("0 lekë", "telefonata është falas"),
                    ],
                ),
                call_to_action(
                    "Keni nevojë për këshilla?",
                    "Merr ndihmë",
                    text="Linja ALO 116 111 u përgjigjet edhe prindërve që shqetësohen për fëmijët e tyre.",
                    page="get-help",
                ),
            ],
        },
        "en": {
            "title": "February 2025: Welcome to the newsletter for parents",
            "slug": "february-2025",
            "summary": "The first issue of the newsletter: why we started it, three things you can do this month and where to call when you need to.",
            "image_alt": "Illustration of an open book on a blue background.",
            "body": [
                heading("Why a newsletter for parents"),
                paragraph(
                    "<p>Our children are growing up with a phone in their hand. We parents often do not know what they do online or how to protect them without banning everything. This newsletter comes every month with short advice written by the iSIGURT.al and ALO 116 111 teams.</p>"
                ),
                heading("Three things for this month"),
                paragraph(
                    "<ul><li><b>Ask, don't investigate.</b> \u201cWhat did you see online today that you liked?\u201d opens more doors than secretly checking their phone.</li><li><b>Get to know the apps.</b> Ask your child to show you their favourite game or app.</li><li><b>Agree on one rule.</b> One rule that everyone keeps is worth more than ten.</li></ul>"
                ),
                key_figures(
                    "The ALO 116 111 helpline",
                    [
                        ("116 111", "the helpline for children and parents"),
                        ("24/7", "day and night, every day"),
                        ("Free", "the call costs nothing"),
                    ],
                ),
                call_to_action(
                    "Do you need advice?",
                    "Get help",
                    text="ALO 116 111 also answers parents who are worried about their children.",
                    page="get-help",
                ),
            ],
        },
    },
    {
        "key": "newsletter-2025-09",
        "type": "newsletters.NewsletterIssuePage",
        "parent": "newsletter",
        "fields": {"issue_date": date(2025, 9, 15), "image": image_ref("newsletter-school")},
        "sq": {
            "title": "Shtator 2025: Viti i ri shkollor dhe telefoni i parë",
            "slug": "shtator-2025",
            "summary": "Shumë fëmijë marrin telefonin e parë në fillim të vitit shkollor. Si ta bëni këtë hap të sigurt dhe çfarë na mësoi raporti vjetor.",
            "image_alt": "Ilustrim me tre figura njerëzish mbi sfond portokalli.",
            "body": [
                heading("Telefoni i parë"),
                paragraph(
                    "<p>Para se t'ia jepni telefonin fëmijës, rregulloni bashkë cilësimet e privatësisë, zgjidhni kush mund t'i shkruajë dhe bini dakord ku qëndron telefoni natën.</p>"
                ),
                heading("Çfarë na mësoi viti 2024"),
                paragraph(
                    "<p>Raporti vjetor i iSIGURT.al tregon se shumica e viktimave janë vajza dhe se shantazhi seksual dhe ngacmimi janë rastet më të shpeshta. Flisni me fëmijët për to që herët, me qetësi.</p>"
                ),
                key_figures(
                    "Nga Raporti vjetor 2024",
                    [("407", "incidente të raportuara"), ("62%", "e viktimave ishin vajza")],
                    "iSIGURT.al",
                ),
                call_to_action(
                    "Një plan familjar për ekranet",
                    "Hap veprimtarinë",
                    text="Tridhjetë minuta për të vendosur bashkë rregullat e shtëpisë.",
                    page="lesson-screen-time",
                ),
            ],
        },
        "en": {
            "title": "September 2025: A new school year and a first phone",
            "slug": "september-2025",
            "summary": "Many children get their first phone at the start of the school year. How to make that step a safe one, and what the annual report taught us.",
            "image_alt": "Illustration of three figures on an orange background.",
            "body": [
                heading("The first phone"),
                paragraph(
                    "<p>Before you hand the phone to your child, set up the privacy settings together, choose who can message them and agree where the phone stays at night.</p>"
                ),
                heading("What 2024 taught us"),
                paragraph(
                    "<p>The iSIGURT.al annual report shows that most victims are girls and that sextortion and bullying are the most frequent cases. Talk with your children about them early and calmly.</p>"
                ),
                key_figures(
                    "From the Annual Report 2024",
                    [("407", "incidents reported"), ("62%", "of the victims were girls")],
                    "iSIGURT.al",
                ),
                call_to_action(
                    "A family plan for screens",
                    "Open the activity",
                    text="Thirty minutes to agree the house rules together.",
                    page="lesson-screen-time",
                ),
            ],
        },
    },
]

PAGES = [
    HOME,
    ABOUT,
    GET_HELP,
    CAMPAIGN_INDEX,
    NETSMARTKIDS,
    *QUARTERLY_CAMPAIGNS,
    SID_2025,
    KORCE_CONSULTATION,
    SID_2027,
    ANNUAL_REPORT_2024,
    LESSON_INDEX,
    *LESSONS,
    NEWSLETTER_INDEX,
    *NEWSLETTER_ISSUES,
]

# One word per lesson and language found in no other demo page: handy for search tests.
SEARCH_WORDS = {
    "lesson-cyberbullying": {"sq": "empatia", "en": "empathy"},
    "lesson-sextortion": {"sq": "afati", "en": "deadline"},
    "lesson-grooming": {"sq": "dhurata", "en": "gifts"},
    "lesson-hate-speech": {"sq": "dinjiteti", "en": "dignity"},
    "lesson-privacy": {"sq": "gjurmët", "en": "footprint"},
    "lesson-media-literacy": {"sq": "karremi", "en": "clickbait"},
    "lesson-screen-time": {"sq": "gjumi", "en": "bedtime"},
    "lesson-reporting": {"sq": "skema", "en": "flowchart"},
}
