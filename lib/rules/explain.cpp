#include "core/dump_json.hpp"
#include "rules/explain.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

#include "core/date.hpp"
#include "rules/kinds.hpp"
#include "text/utf8.hpp"

namespace lilo {

namespace {

// The criteria's codes ("C6.citations"): the same in every criterion.
constexpr KindCode criterion_codes[] = {
    {"unmapped", "The criterion is not mapped to a heading in the essay's front matter.", "Add `Cn: <heading>` under `criteria:`."},
    {"heading-missing", "The heading the criterion maps to is not in the essay.", "Add the heading or correct the mapping."},
    {"words", "The criterion's section is too short.", "Write more under its heading."},
    {"citations", "The section cites too few distinct works from the bibliography.", "Cite the literature you draw on, with [@key]."},
    {"link", "The section does not link to the file it should.", "Link to it, e.g. [my interview](interviews/…)."},
    {"list", "The section has no list of enough items.", "Write the points as a bulleted or numbered list."},
    {"dates", "Too few list items carry a real date.", "Give each action a date YYYY-MM-DD."},
    {"undated-action", "An action in the development plan's list has no date.", "Give every action a date YYYY-MM-DD (when it will be done)."},
};

// The portfolio's form ("P.encoding"): files readable, UTF-8, valid YAML, inside the folder.
constexpr KindCode portfolio_codes[] = {
    {"encoding", "The file is not UTF-8 text.", "Save it as UTF-8 (your editor's Save As … encoding)."},
    {"document", "A .docx or .odt file cannot be read as a document: not a zip archive, a part missing or malformed, nested too deep, or unpacking to more than lilo reads.",
     "Open it in Word or LibreOffice and save it again as .docx or .odt."},
    {"name-encoding", "A file or folder name is not valid UTF-8 (often a Latin-1 name from an old machine or archive).", "Rename it; `ls` shows it as '?' and lilo as \\xHH."},
    {"yaml-syntax", "The YAML does not parse (portfolio.yaml, a front matter, references.yaml or signoff.yaml). The usual causes: "
                    "a tab used for indentation (YAML allows only spaces); a value holding ': ' that is not quoted, such as a title "
                    "pasted from Word, `title: “Leading learning: one school’s story”`; a line indented out of step with the keys "
                    "beside it; a quote opened and not closed.",
     "Fix it at the line and column shown: indent with spaces; put such a value in straight quotes, "
     "`title: \"Leading learning: one school’s story\"`; line keys of one level up alike."},
    {"schema", "A field of portfolio.yaml is missing, unknown or of the wrong type.", "See `man lilo-portfolio` and schemas/portfolio.schema.json."},
    {"path-outside", "A path leads outside the portfolio (.., an absolute path, or a symbolic link out).", "Keep every file inside the portfolio folder."},
    {"path-invalid", "A path is empty or written with backslashes.", "Write paths relative to the portfolio, with '/'."},
    {"path-too-long", "A path inside the portfolio is longer than lilo reads (the programme's `limits:`).", "Shorten the folder and file names."},
    {"too-many-files", "The portfolio holds more files than lilo reads (the programme's `limits: {max_files: …}`).", "Move what is not part of the portfolio out of the folder."},
    {"too-large", "A Markdown or YAML file is larger than lilo reads (the programme's `limits: {max_file_mb: …}`).", "Split the file, or move the large part out as evidence in another format."},
    {"unreadable", "A file cannot be read (permissions, a symbolic link loop, or a read error).", "Make it readable (`chmod u+r FILE`), or replace the link with the file."},
    {"not-found", "A file the portfolio names does not exist.", "Add the file, or correct the name."},
    {"not-a-file", "A path names a folder (or something else) where a file is needed.", "Name the file itself."},
    {"yaml-duplicate-key", "A YAML mapping gives the same key twice.", "Keep one of them."},
    {"yaml-too-deep", "The YAML nests deeper than lilo reads.", "Flatten it; portfolio files need only a few levels."},
    {"yaml-too-large", "The YAML expands (through aliases) to more values than lilo reads.", "Remove the aliases (`*name`) that repeat large parts."},
    {"front-matter", "The front matter cannot be used: not a mapping of fields, or fenced with dashes Word's autocorrect made of `---`.",
     "Start and end it with a line of three hyphens `---`, and write `key: value` lines between."},
    {"placeholder", "A value `lilo init` wrote as a placeholder (`Your Name`, `LILO-YYYY-0000`, `Your Mentor's Name`, `Your title`, …) is still there.",
     "Write your own details in its place; a bundle is not made while one is left."},
    {"unread-file", "A document in a record folder (journal/, mentoring/, interviews/) that lilo does not read, such as a Pages file: it counts for nothing.",
     "Save it as Markdown (.md) or Word (.docx) in the same folder, or move it out of the folder."},
    {"bibliography", "The bibliography cannot be read as CSL-YAML or BibTeX.", "Fix it at the line shown; `pandoc --citeproc` reads the same file."},
    {"date", "A date in portfolio.yaml has the form YYYY-MM-DD but does not exist (2026-02-30).", "Correct the date."},
    {"period", "The period ends before it starts.", "Correct `period.start` or `period.end`."},
    {"git", "The git history could not be read; the portfolio was checked without it.", "Run `git status` in the folder to see what is wrong, or check with `--git off`."},
    {"uncommitted", "Files differ from the last commit: the check matches no commit (information for a bundle).", "Commit them, or bundle a commit with `lilo bundle --rev HEAD`."},
    {"history-shallow", "The git history is too short to say whether records were backdated.", "Fetch the whole history: `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0`)."},
    {"changed-since", "Findings are shown only for the files changed since a revision (`--changed-since`).", "Nothing to fix: run `lilo check` without it for every finding."},
    {"bundle", "The bundle cannot be read as a portfolio.", "Make the bundle again with `lilo bundle`."},
    {"cannot-check", "The portfolio could not be checked at all (an unknown or invalid programme, an unreadable folder): what `lilo check` reports as exit 2.",
     "Run `lilo check` in the folder: it names the file and line; fix that, and the editor's findings come back."},
    {"export-identity", "lilo export names each file by the centre number, the candidate number and the syllabus and component codes, and one of them is missing or not written in quotes.",
     "Give `centre.number` and `candidate.number` in portfolio.yaml, in quotes (leading zeros stay), and the codes in the programme's `submission:`."},
    {"export-citation", "A document cites a key that the bibliography does not hold, so the exported file would show it raw.",
     "Add the work to the bibliography, or correct the key (`lilo check` lists it as a citation error too)."},
    {"export-image", "A document shows an image whose file is not in the portfolio, so the exported file would have a hole.",
     "Add the image file, or correct the path in the image's link."},
    {"evidence-format", "An evidence file (a file the portfolio carries that is not lilo's own Markdown or YAML) has a format Cambridge's upload does not take: "
                        "it takes documents as .pdf .docx .doc .odt .rtf .txt .dotx .pages and images as .jpg .jpeg .png, and no macros (.docm, .dotm). "
                        "A warning unless the programme says `submission: {preflight: error}`; the list is the programme's `submission: {evidence_formats: […]}`.",
     "Save it as PDF (or another format in the list): a spreadsheet or web page by printing it to PDF, a .docm as .docx; or leave it out with .liloignore."},
    {"evidence-too-large", "An image is larger than Cambridge's upload takes (15 MB; the programme's `submission: {max_image_bytes: …}`).",
     "Save it smaller: fewer pixels (`convert in.png -resize 50% out.png`) or as JPEG."},
    {"evidence-pages", "A PDF has more pages than Cambridge's upload takes (200; the programme's `submission: {max_pdf_pages: …}`), as qpdf counts them.",
     "Split it (`qpdf in.pdf --pages . 1-200 -- part1.pdf`) or keep only the pages that are evidence."},
    {"evidence-encrypted", "A PDF is encrypted or opens only with a password (qpdf); Cambridge takes no passwords.",
     "Save a copy without: `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`, or open it and print it to PDF."},
    {"evidence-forms", "A PDF is not flattened: it has form fields, signatures or annotations such as comments and highlights (qpdf; links do not count). "
                       "Cambridge takes PDFs flattened.",
     "Flatten it: `qpdf --flatten-annotations=all --generate-appearances in.pdf out.pdf`, or open it and print it to PDF."},
    {"evidence-unreadable", "qpdf cannot read a .pdf file as a PDF (damaged, or not a PDF at all); Cambridge's upload would refuse it too.",
     "Open it and save it again as PDF, or print it to PDF; if it is not a PDF, give it its own extension."},
    {"evidence-unchecked", "A PDF's pages, encryption and form fields were not checked (information): qpdf is not installed, or it did not finish in 60 s.",
     "Install qpdf (`apt-get install qpdf`) and check again; the other evidence checks ran."},
};

const KindCode* find_code(std::span<const KindCode> codes, std::string_view slug)
{
    for (const auto& c : codes)
        if (c.slug == slug) return &c;
    return nullptr;
}

} // namespace

const KindCode* criterion_code(std::string_view slug) { return find_code(criterion_codes, slug); }
const KindCode* portfolio_code(std::string_view slug) { return find_code(portfolio_codes, slug); }
std::span<const KindCode> portfolio_codes_table() { return portfolio_codes; }

namespace {

// A parameter's value as a person reads it: no quotes, brackets or braces.
std::string plain(const nlohmann::json& v)
{
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
    if (v.is_null()) return "none";
    std::string out;
    if (v.is_array())
        for (const auto& x : v) out += (out.empty() ? "" : ", ") + plain(x);
    else if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it) out += (out.empty() ? "" : "; ") + it.key() + ": " + plain(*it);
    else
        return dump_json(v);
    return out.empty() ? "none" : out;
}

// "r2.GAP" → "R2.gap": ids in upper case, slugs in lower.
std::string normal_code(const std::string& id)
{
    std::string out = id;
    const auto dot = out.find('.');
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        out[i] = static_cast<char>(i < dot ? std::toupper(c) : std::tolower(c));
    }
    return out;
}

// The parameters in force, alphabetically, each with where it is set: the
// programme's, and for a requirement its kind's defaults where none is given.
std::string param_lines(const Programme& p, const std::string& base, const nlohmann::json& params, const RequirementKind* kind = nullptr)
{
    std::map<std::string, std::pair<nlohmann::json, std::string>> shown;  // name → (value, where)
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (it.key() == "kind" || it.key() == "title") continue;
        const std::string ptr = base + "/" + it.key();
        std::string origin = "?";
        for (const auto& [k, v] : p.origins)
            if (k == ptr || k.starts_with(ptr + "/")) { origin = v; break; }
        // A requirement added whole by a file is recorded once, at its root.
        for (std::string up = ptr; origin == "?" && up.find('/') != std::string::npos;) {
            up.erase(up.rfind('/'));
            if (auto at = p.origins.find(up); at != p.origins.end()) origin = at->second;
        }
        shown.emplace(it.key(), std::pair{*it, origin});
    }
    if (kind)
        for (const auto& param : kind->parameters())
            if (!param.default_value.is_null()) shown.emplace(std::string(param.name), std::pair{param.default_value, "lilo's default"});
    std::string out;
    for (const auto& [name, shown_value] : shown) {
        std::string value = plain(shown_value.first);
        if (value.size() > 70) value = value.substr(0, 67) + "…";
        out += fmt::format("  {:<26} {}  ({})\n", name, value, shown_value.second);
    }
    return out;
}

std::string status_of(const Report* r, const std::string& id)
{
    if (!r) return "";
    for (const auto& q : r->requirements)
        if (q.id == id) return q.met ? "met" : "unmet";
    for (const auto& c : r->criteria)
        if (c.id == id) return c.addressed ? "addressed" : "missing";
    return "";
}

// The cadence by stated date and, in a git work tree, by commit date.
std::string cadence(const std::vector<const DatedEntry*>& entries)
{
    const bool git = std::any_of(entries.begin(), entries.end(), [](const auto* e) { return !e->committed.empty(); });
    std::string out = git ? "\nCadence: each entry's stated date, and when the commit that first added it was made:\n"
                          : "\nCadence: each entry's stated date (no git history here to set beside it):\n";
    std::optional<Date> previous;
    for (const auto* entry : entries) {
        const auto& e = *entry;
        const auto d = Date::parse(e.date);
        const std::string gap = previous && d ? fmt::format("{:>4} days", *d - *previous) : std::string(9, ' ');
        std::string commit = "                          ";
        if (const auto c = Date::parse(e.committed); c && d)
            commit = fmt::format("committed {}  {:>+5}", c->str(), *c - *d);
        else if (git)
            commit = "not committed             ";
        out += git ? fmt::format("  {}  {}  {}  {}\n", e.date, gap, commit, e.file) : fmt::format("  {}  {}  {}\n", e.date, gap, e.file);
        if (d) previous = d;
    }
    return out;
}

} // namespace

std::string explain_overview(const Programme& p, const Report* r)
{
    std::string out = fmt::format("{} ({}), from {}\n", p.title, p.id, p.source);
    // A line never ends in spaces; a title is cut at 42 columns, whole characters.
    const auto line = [](std::string s) {
        s.erase(s.find_last_not_of(' ') + 1);
        return s + "\n";
    };
    for (const auto& q : p.requirements) {
        const auto* kind = find_kind(q.kind);
        out += line(fmt::format("  {:<4} {} {:<7} {}", q.id, pad_to_width(q.title, 42), status_of(r, q.id), kind ? kind->summary : ""));
    }
    for (const auto& c : p.criteria) out += line(fmt::format("  {:<4} {} {}", c.id, pad_to_width(cut_to_width(c.title, 42), 42), status_of(r, c.id)));
    out += "`lilo explain R2` (or C6, or a code such as R2.gap) says more.\n";
    return out;
}

std::optional<std::string> explain(const Programme& p, const std::string& asked, const Report* r)
{
    const std::string id = normal_code(asked);
    const auto dot = id.find('.');
    const std::string owner = id.substr(0, dot);
    const std::string slug = dot == std::string::npos ? "" : id.substr(dot + 1);
    const RequirementSpec* req = nullptr;
    const CriterionSpec* crit = nullptr;
    for (const auto& q : p.requirements) if (q.id == owner) req = &q;
    for (const auto& c : p.criteria) if (c.id == owner) crit = &c;
    if (!req && !crit && owner != "P") return std::nullopt;

    // The answer first: what the code means and how to put it right.
    std::string out;
    if (!slug.empty()) {
        const RequirementKind* kind = req ? find_kind(req->kind) : nullptr;
        const KindCode* code = req ? (kind ? kind->code(slug) : nullptr) : crit ? criterion_code(slug) : portfolio_code(slug);
        if (!code) return std::nullopt;
        out += fmt::format("{}: {}\nTo fix: {}\n\n", id, code->meaning, code->fix);
    }
    if (req) {
        const auto* kind = find_kind(req->kind);
        out += fmt::format("{} {} (kind {}): {}\n", req->id, req->title, req->kind, kind ? kind->summary : "");
    } else if (crit) {
        out += fmt::format("{} {}\n", crit->id, crit->title);
        out += "Addressed when the essay's front matter maps it to headings (`criteria:`), each of those sections has enough words, and its own check holds.\n";
    } else {
        out += "P: the portfolio's files: readable, UTF-8, valid YAML, inside the folder.\n";
    }
    if (const auto st = status_of(r, owner); !st.empty()) out += fmt::format("Here: {}.\n", st);
    if (r) {
        std::string found;
        for (const auto& d : r->diagnostics)
            if (d.owner() == owner && (slug.empty() || d.code == id))
                found += fmt::format("  {}{}: {}: {}\n", d.file, d.line > 0 ? ":" + std::to_string(d.line) : "", d.code, d.message);
        if (!found.empty()) out += "\nIn this portfolio:\n" + found;
    }
    const auto entries = r && req ? r->entries_of(req->id) : std::vector<const DatedEntry*>{};
    if (slug.empty() && !entries.empty()) out += cadence(entries);
    // The parameters after: the thresholds behind the answer, and where each is set.
    if (req) out += "\nParameters in force, and where each comes from:\n" + param_lines(p, "/requirements/" + req->id, req->params, find_kind(req->kind));
    else if (crit) out += "\nParameters in force, and where each comes from:\n" + param_lines(p, "/criteria/" + crit->id, crit->params);
    return out;
}

std::vector<std::string> explain_ids(const Programme& p)
{
    std::vector<std::string> out;
    for (const auto& q : p.requirements) {
        out.push_back(q.id);
        if (const auto* kind = find_kind(q.kind))
            for (const auto& c : kind->codes) out.push_back(q.id + "." + std::string(c.slug));
    }
    for (const auto& c : p.criteria) {
        out.push_back(c.id);
        for (const auto& code : criterion_codes) out.push_back(c.id + "." + std::string(code.slug));
    }
    for (const auto& code : portfolio_codes) out.push_back("P." + std::string(code.slug));
    return out;
}

} // namespace lilo
