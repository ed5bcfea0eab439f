#include "core/dump_json.hpp"
#include "rules/explain.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "core/date.hpp"
#include "rules/kinds.hpp"

namespace lilo {

namespace {

struct CodeText {
    const char* meaning;
    const char* fix;
};

// Slug → what it means and how to put it right. The same slug means the
// same thing in every requirement of its kind.
const std::map<std::string, CodeText>& code_texts()
{
    static const std::map<std::string, CodeText> t = {
        {"mentor-missing", {"portfolio.yaml has no `mentor:`.", "Add `mentor:` with `name`, `role`, `organisation` and `since`."}},
        {"mentor-name", {"The mentor has no name.", "Give `mentor.name`."}},
        {"mentor-role", {"The mentor's role is not given.", "Give `mentor.role`, e.g. Vice Principal."}},
        {"mentor-is-candidate", {"The mentor's name is the candidate's (ignoring case and spaces).", "Name a senior, trusted colleague as your mentor."}},
        {"since-missing", {"`mentor.since` is missing.", "Give the date you started working with your mentor."}},
        {"since-late", {"The mentor was found too long after the period started.", "Correct `mentor.since` if it is wrong; otherwise talk to your programme office."}},
        {"meetings-missing", {"The mentoring folder does not exist.", "Create `mentoring/` and add one Markdown record per meeting."}},
        {"meetings", {"Too few meeting records count.", "Add records: dated inside the period, long enough, one `.md` file per meeting."}},
        {"meeting-words", {"A meeting record is too short.", "Write up what was discussed and agreed."}},
        {"meeting-outside-period", {"A meeting is dated outside the programme period.", "Correct its `date:` or the file name's date."}},
        {"meeting-future", {"A meeting is dated after today.", "Correct its date."}},
        {"signoff-stale", {"A bundled file changed after the mentor recorded the fingerprint in signoff.yaml.", "Ask your mentor to review the changes and record the new `lilo fingerprint`."}},
        {"signoff-invalid", {"signoff.yaml has no `sha256:`.", "The mentor records the output of `lilo fingerprint` as `sha256:`."}},
        {"journal-missing", {"The journal folder does not exist.", "Create `journal/` and add one Markdown file per entry."}},
        {"entries", {"Too few journal entries count.", "Keep writing: each entry dated inside the period, not in the future, long enough."}},
        {"undated", {"An entry has no date.", "Give `date: YYYY-MM-DD` in its front matter or start its file name with the date."}},
        {"outside-period", {"Dated outside the programme period.", "Correct the date."}},
        {"future", {"Dated after today.", "Correct the date."}},
        {"words", {"Too few (or too many) words.", "Write more, or cut; `lilo count FILE` shows what counts."}},
        {"model-headings", {"The entry names a reflective model but lacks some of its headings.", "Add the missing headings, or remove `model:`."}},
        {"model-unknown", {"The entry names a reflective model lilo does not know.", "Use gibbs, rolfe, kolb or brookfield, or remove `model:`."}},
        {"first-late", {"The first entry came too long after the start.", "Journal entries show reflection throughout; nothing can be back-dated honestly."}},
        {"gap", {"Too long between two entries.", "Keep the journal regularly; the gap stays visible."}},
        {"last-late", {"The last entry is too long before the end (or today).", "Write a new entry."}},
        {"course-missing", {"A course the programme lists is not under `courses:`.", "Add it with its `status`."}},
        {"course-incomplete", {"A course is not completed.", "Set `status: completed` and `completed:` once it is."}},
        {"course-undated", {"A completed course has no completion date.", "Give `completed: YYYY-MM-DD`."}},
        {"course-outside-period", {"A course was completed outside the period.", "Correct the date or ask your programme office."}},
        {"course-future", {"A course's completion date is after today.", "Correct the date."}},
        {"evidence-missing", {"A course needs completion evidence.", "Give `evidence:` with the path of the certificate or record."}},
        {"evidence-not-found", {"The evidence file does not exist.", "Add the file or correct the path."}},
        {"missing", {"The file does not exist.", "Create it (`lilo init` writes a starting point)."}},
        {"title", {"No `title:` in the front matter.", "Give the project a title."}},
        {"status", {"The project is not completed.", "Set `status: completed` when it is."}},
        {"started", {"No valid `started:` date.", "Give `started: YYYY-MM-DD`."}},
        {"completed", {"No valid `completed:` date.", "Give `completed: YYYY-MM-DD`."}},
        {"dates-order", {"Completed before it started.", "Correct the dates."}},
        {"section-missing", {"A required section heading is missing.", "Add the heading (any level, any order)."}},
        {"section-words", {"A required section is too short.", "Write more under that heading."}},
        {"link-broken", {"A local link points at no file.", "Add the file or correct the link."}},
        {"interviews-missing", {"The interviews folder does not exist.", "Create `interviews/` with one Markdown file per interview."}},
        {"interviews", {"Too few interviews meet every condition.", "Complete an interview's front matter and sections; the info lines say what each lacks."}},
        {"role", {"`interviewee.role` is missing.", "Give the interviewee's role."}},
        {"years", {"The interviewee has too few years in leadership (or none given).", "Interview an experienced leader, or give `interviewee.years_in_leadership`."}},
        {"consent", {"No consent.", "Give `consent: true` or the path of the signed consent form."}},
        {"questions", {"Too few questions listed.", "List your questions under the Questions heading."}},
        {"private-name", {"A private interviewee is named in the essay or journal.", "Refer to them by role instead."}},
        {"declared-words", {"`declared_words` differs from the count by more than the tolerance.", "Set it to the count `lilo count essay.md` gives."}},
        {"bibliography-missing", {"The document cites works but no bibliography is found.", "Give `bibliography:` in the front matter, or add references.yaml."}},
        {"order", {"A module counts only once the requirements before it are met (module n+1 after module n).", "Meet the earlier module's requirements first; this module's own findings still show what it lacks."}},
        {"assignment-missing", {"The module has no assignment yet.", "Write `assignment.md` in the module's folder (about 3,600 words)."}},
        {"evidence-few", {"A module has too few items of one sort of evidence (practice, learning or reflection).", "Add the item under the module's evidence/<sort>/ folder and link it from the assignment."}},
        {"evidence-unlinked", {"An evidence item is not linked from the module's assignment.", "Link it where the assignment draws on it, e.g. [observation record](evidence/practice/….md)."}},
        {"not-met", {"The progression rule is not met by the marks given.", "The arithmetic shows which condition fails; marks are the examiners' to change, not the candidate's."}},
        {"marks-missing", {"Progression cannot be decided: a mark is missing or not a number from 0 to 100.", "Give every mark under `marks:` in portfolio.yaml once it is known."}},
        {"citation-unresolved", {"A cited key is not in the bibliography.", "Add the work to the bibliography, or correct the key."}},
        {"criterion", {"A required criterion is not addressed.", "See the criterion's own warnings (`lilo explain Cn`)."}},
        {"unmapped", {"The criterion is not mapped to a heading in the essay's front matter.", "Add `Cn: <heading>` under `criteria:`."}},
        {"heading-missing", {"The heading the criterion maps to is not in the essay.", "Add the heading or correct the mapping."}},
        {"citations", {"The section cites too few distinct works from the bibliography.", "Cite the literature you draw on, with [@key]."}},
        {"link", {"The section does not link to the file it should.", "Link to it, e.g. [my interview](interviews/…)."}},
        {"list", {"The section has no list of enough items.", "Write the points as a bulleted or numbered list."}},
        {"dates", {"Too few list items carry a real date.", "Give each action a date YYYY-MM-DD."}},
        {"encoding", {"The file is not UTF-8 text.", "Save it as UTF-8 (your editor's Save As … encoding)."}},
        {"document", {"A .docx or .odt file cannot be read as a document: not a zip archive, a part missing or malformed, nested too deep, or unpacking to more than lilo reads.", "Open it in Word or LibreOffice and save it again as .docx or .odt."}},
        {"name-encoding", {"A file or folder name is not valid UTF-8 (often a Latin-1 name from an old machine or archive).", "Rename it; `ls` shows it as '?' and lilo as \\xHH."}},
        {"yaml-syntax", {"The YAML does not parse.", "Fix the indentation or quoting at the line shown."}},
        {"schema", {"A field of portfolio.yaml is missing, unknown or of the wrong type.", "See `man lilo-portfolio` and schemas/portfolio.schema.json."}},
        {"path-outside", {"A path leads outside the portfolio (.., an absolute path, or a symbolic link out).", "Keep every file inside the portfolio folder."}},
    };
    return t;
}

std::string param_lines(const Programme& p, const std::string& base, const nlohmann::json& params)
{
    std::string out;
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
        std::string value = dump_json(*it);
        if (value.size() > 70) value = value.substr(0, 67) + "…";
        out += fmt::format("  {:<26} {}  ({})\n", it.key(), value, origin);
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

} // namespace

std::string explain_overview(const Programme& p, const Report* r)
{
    std::string out = fmt::format("{} ({}), from {}\n", p.title, p.id, p.source);
    for (const auto& q : p.requirements) {
        const auto* kind = find_kind(q.kind);
        out += fmt::format("  {:<4} {:<42} {:<7} {}\n", q.id, q.title, status_of(r, q.id), kind ? kind->summary : "");
    }
    for (const auto& c : p.criteria) out += fmt::format("  {:<4} {:<42} {}\n", c.id, c.title.substr(0, 42), status_of(r, c.id));
    out += "`lilo explain R2` (or C6, or a code such as R2.gap) says more.\n";
    return out;
}

std::optional<std::string> explain(const Programme& p, const std::string& id, const Report* r)
{
    const auto dot = id.find('.');
    const std::string owner = id.substr(0, dot);
    const std::string slug = dot == std::string::npos ? "" : id.substr(dot + 1);
    std::string out;
    const RequirementSpec* req = nullptr;
    const CriterionSpec* crit = nullptr;
    for (const auto& q : p.requirements) if (q.id == owner) req = &q;
    for (const auto& c : p.criteria) if (c.id == owner) crit = &c;
    if (!req && !crit && owner != "P") return std::nullopt;
    if (req) {
        const auto* kind = find_kind(req->kind);
        out += fmt::format("{} {} (kind {}): {}\n", req->id, req->title, req->kind, kind ? kind->summary : "");
        if (const auto st = status_of(r, req->id); !st.empty()) out += fmt::format("Here: {}.\n", st);
        out += "Parameters in force, and where each comes from:\n" + param_lines(p, "/requirements/" + req->id, req->params);
    } else if (crit) {
        out += fmt::format("{} {}\n", crit->id, crit->title);
        if (const auto st = status_of(r, crit->id); !st.empty()) out += fmt::format("Here: {}.\n", st);
        out += "Addressed when the essay's front matter maps it to headings (`criteria:`), each of those sections has enough words, and its own check holds.\n";
        out += "Parameters in force, and where each comes from:\n" + param_lines(p, "/criteria/" + crit->id, crit->params);
    } else {
        out += "P: the portfolio's files: readable, UTF-8, valid YAML, inside the folder.\n";
    }
    if (!slug.empty()) {
        auto it = code_texts().find(slug);
        if (it == code_texts().end()) return std::nullopt;
        out += fmt::format("\n{}: {}\nTo fix: {}\n", id, it->second.meaning, it->second.fix);
    }
    if (r && req && req->kind == "journal" && slug.empty() && !r->journal_entries.empty()) {
        // The cadence by stated date and, in a git work tree, by commit date.
        const bool git = std::any_of(r->journal_entries.begin(), r->journal_entries.end(), [](const auto& e) { return !e.committed.empty(); });
        out += git ? "\nCadence: each entry's stated date, and when the commit that first added it was made:\n"
                   : "\nCadence: each entry's stated date (no git history here to set beside it):\n";
        std::optional<Date> previous;
        for (const auto& e : r->journal_entries) {
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
    }
    if (r) {
        std::string found;
        for (const auto& d : r->diagnostics)
            if (d.owner() == owner && (slug.empty() || d.code == id))
                found += fmt::format("  {}{}: {}: {}\n", d.file, d.line > 0 ? ":" + std::to_string(d.line) : "", d.code, d.message);
        if (!found.empty()) out += "\nIn this portfolio:\n" + found;
    }
    return out;
}

} // namespace lilo
