#include "scaffold/scaffold.hpp"

#include "rules/context.hpp"
#include "scaffold/parts.hpp"
#include "scaffold/source.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <set>
#include <stdexcept>
#include <unistd.h>

#include "programme/programme.hpp"
#include "rules/document.hpp"
#include "text/word_limit.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

using namespace lilo::scaffold;

constexpr const char* public_schema_url = "https://lilo.example/schemas/portfolio.schema.json";

// ---------------------------------------------------------------- the files

class Builder {
public:
    Builder(const ScaffoldOptions& o, const Source& src) : m_opt(o), m_src(src), m_prog(src.programme)
    {
        m_today = o.today ? *o.today : Date::today();
    }

    std::vector<ScaffoldFile> build()
    {
        portfolio_yaml();
        if (m_src.copy) add(m_src.copy->path, m_src.copy->content);
        for (const auto& r : m_prog.requirements) {
            if (r.kind == "essay") essay(r);
            else if (r.kind == "mentor") mentoring(r);
            else if (r.kind == "journal") journal(r);
            else if (r.kind == "courses") courses(r);
            else if (r.kind == "project") project(r);
            else if (r.kind == "interviews") interviews(r);
            else if (r.kind == "module") module(r);
            else if (r.kind == "essays") essays(r);
            else if (r.kind == "thesis") thesis(r);
        }
        link_folders();
        references_file();
        liloignore();
        gitignore();
        workflow();
        return std::move(m_files);
    }

private:
    const ScaffoldOptions& m_opt;
    const Source& m_src;
    const Programme& m_prog;
    Date m_today;
    std::vector<ScaffoldFile> m_files;
    std::string m_journal_folder;
    bool m_has_journal = false;
    std::vector<std::string> m_citing; // documents whose bibliography is references.yaml

    void add(const std::string& path, std::string content)
    {
        const std::string p = fs::path(path).lexically_normal().generic_string();
        for (const auto& f : m_files)
            if (f.path == p) return; // the first wins
        m_files.push_back({p, std::move(content)});
    }
    bool has(const std::string& path) const
    {
        return std::any_of(m_files.begin(), m_files.end(), [&](const ScaffoldFile& f) { return f.path == path; });
    }

    void portfolio_yaml()
    {
        const std::string url = m_opt.schema_url.empty() ? public_schema_url : m_opt.schema_url;
        std::string y = "# yaml-language-server: $schema=" + url + "\n";
        y += "# " + wrap("Your portfolio for the " + m_prog.title + ". Replace the placeholders below with your own details, "
                         "then run `lilo check` in this folder: it lists what is still to do.",
                         78, "# ", 2) + "\n";
        y += "lilo: 1\n";
        y += "programme: " + yaml_scalar(m_src.manifest_ref) + "\n";
        y += "candidate:\n";
        y += "  name: Your Name\n";
        y += commented("  id: LILO-YYYY-0000", "your candidate number: letters, digits, '.', '_' and '-'; it names the bundle");
        y += "  school: Your School\n";
        y += commented("period:", "your programme dates, YYYY-MM-DD");
        y += "  start: " + m_today.str() + "\n";
        y += "  end: " + one_year_later(m_today).str() + "\n";
        if (const auto* r = m_prog.requirement_of_kind("mentor")) {
            const long delay = param_int(r->params, "max_start_delay_days", 30);
            y += commented("mentor:", r->id + ": a senior, trusted colleague who works with you throughout");
            y += "  name: Your Mentor's Name\n";
            y += "  role: Their role, e.g. Vice Principal\n";
            y += "  organisation: Your School\n";
            y += commented("  since: " + m_today.str(), "when the mentoring began: at most " + plural(delay, "day", "days") + " after period.start");
        }
        if (const auto* r = m_prog.requirement_of_kind("courses")) {
            const auto& list = r->params.value("courses", nlohmann::json::array());
            if (list.is_array() && !list.empty()) {
                y += commented("courses:", r->id + ": when a course is done, set `status: completed`, `completed: YYYY-MM-DD`");
                y += commented("", "and `evidence:` (the path of its completion evidence, e.g. courses/<file>)");
                for (const auto& c : list) {
                    const std::string id = c.value("id", "");
                    if (id.empty()) continue;
                    y += "  - id: " + yaml_scalar(id) + "\n";
                    if (c.contains("title") && c["title"].is_string() && !c["title"].get<std::string>().empty())
                        y += "    title: " + yaml_scalar(c["title"].get<std::string>()) + "\n";
                    y += commented("    status: planned", "planned | in-progress | completed");
                }
            }
        }
        if (const auto* r = m_prog.requirement_of_kind("progression")) y += marks(*r);
        add("portfolio.yaml", y);
    }

    // ---- The marks a progression rule reads, commented out until they are known.
    static std::string marks(const RequirementSpec& r)
    {
        std::vector<std::string> names;
        for (const char* key : {"weights", "min_marks"}) {
            const auto& o = r.params.value(key, nlohmann::json::object());
            for (auto it = o.begin(); it != o.end(); ++it)
                if (std::find(names.begin(), names.end(), it.key()) == names.end()) names.push_back(it.key());
        }
        if (names.empty()) return "";
        std::string y = "# " + r.id + " (" + r.title + "): your marks, 0 to 100, as the examiners return them.\n";
        y += "# Until every mark is here, lilo reports the progression as pending. Remove\n";
        y += "# the `#` of `marks:` and of each mark when you have it.\n";
        y += "# marks:\n";
        for (const auto& n : names) y += "#   " + yaml_scalar(n) + ": 0\n";
        return y;
    }

    // ---- R6 and C1…: the essay, one section per criterion, and its bibliography.
    void essay(const RequirementSpec& r)
    {
        const std::string rel = fs::path(string_param(r.params, "path", "essay.md")).lexically_normal().generic_string();
        const std::string dir = parent_prefix(rel);
        const std::string bib = relative_from(dir, "references.yaml");
        const long min_section = param_int(r.params, "min_section_words", 0);
        const WordLimit limit = limit_around(param_number(r.params, "target_words", 0), param_number(r.params, "tolerance", 0));
        const double declared_tol = param_number(r.params, "declared_tolerance", 0);

        std::string e = "---\n";
        e += "title: \"Your title\"\n";
        e += "declared_words: 0            # when you finish: the count that `" + count_command(r, rel) + "` reports\n";
        e += "bibliography: " + yaml_scalar(bib) + "\n";
        if (!m_prog.criteria.empty()) {
            e += "criteria:                    # each criterion and the heading that addresses it\n";
            for (const auto& c : m_prog.criteria) e += "  " + c.id + ": " + yaml_quoted(c.title) + "\n";
        }
        e += "---\n\n";

        char tol[32];
        std::snprintf(tol, sizeof tol, "%g%%", declared_tol * 100);
        std::vector<std::string> intro = {
            "The " + lower(r.title) + " (" + r.id + "): " + limit.str() + " words as `" + count_command(r, rel) +
                "` counts them (" + counting_note(requirement_count_rules(m_prog, r)) +
                "). Set `declared_words` to that count, within " + tol + ".",
            "Write one section under each heading below; each answers one criterion of the programme. To rename a heading, "
            "change it here and under `criteria:` above together. Cite works listed in " + bib +
                " as [@key] or @key; every key must be there."};
        e += comment(intro);

        for (const auto& c : m_prog.criteria) {
            e += "\n## " + md_heading(c.title) + "\n\n";
            const CriterionGuide* g = guide_for(c);
            std::vector<std::string> needs;
            const long words = param_int(c.params, "min_words", min_section);
            if (words > 0) needs.push_back("at least " + with_commas(static_cast<std::uint64_t>(words)) + " words");
            if (const long n = param_int(c.params, "min_citations", 0); n > 0)
                needs.push_back(n == 1 ? "a citation of a work in " + bib + ", e.g. [@key]"
                                       : "citations of at least " + std::to_string(n) + " different works in " + bib);
            if (c.params.contains("links_to") && c.params["links_to"].is_string()) {
                const std::string to = c.params["links_to"].get<std::string>();
                if (to.ends_with("/")) {
                    const std::string example = to == "interviews/"     ? "interview](" + to + "YYYY-MM-DD-interview.md"
                                                : to == "presentation/" ? "presentation](" + to + "e-portfolio-outline.md"
                                                                        : "file](" + to + "<file>";
                    const auto cut = example.find("](");
                    needs.push_back("a link to a file in " + to + " that exists, e.g. [" + example.substr(0, cut + 2) +
                                    relative_from(dir, example.substr(cut + 2)) + ")");
                } else {
                    needs.push_back("a link to " + to + ", e.g. [project](" + relative_from(dir, to) + ")");
                }
            }
            const std::string items = g ? g->items : "items";
            if (const long n = param_int(c.params, "min_list_items", 0); n > 0)
                needs.push_back("a list (- or 1.) of at least " + std::to_string(n) + " " + items);
            if (const long n = param_int(c.params, "min_dated_items", 0); n > 0)
                needs.push_back("a list of at least " + std::to_string(n) + " " + (items == "points" ? "actions" : items) +
                                ", each with its date YYYY-MM-DD");
            std::vector<std::string> paras;
            paras.push_back(g ? std::string(g->what) : c.id + ": " + c.title + ".");
            if (!needs.empty())
                paras.push_back(std::string(c.required ? "lilo checks for " : "Optional here; lilo looks for ") + join(needs) + ".");
            e += comment(paras);
        }
        e += "\n## References\n\n";
        e += comment({"Not counted. pandoc --citeproc writes the list from " + bib + "; or write it here yourself."});
        add(rel, e);

        references(rel);
    }

    // The shared bibliography: written once, naming every document that cites it.
    void references(const std::string& rel) { m_citing.push_back(rel); }
    void references_file()
    {
        if (m_citing.empty() || has("references.yaml")) return;
        std::string b = "# " + wrap("The works that " + join(m_citing) + (m_citing.size() == 1 ? " cites" : " cite") +
                                        ", in CSL-YAML as pandoc reads it. Cite one as [@key] or @key, where key is its "
                                        "`id`. For example:",
                                    78, "# ", 2) + "\n";
        b += "#\n";
        b += "# references:\n";
        b += "#   - id: leithwood2008\n";
        b += "#     type: article-journal\n";
        b += "#     author:\n";
        b += "#       - family: Leithwood\n";
        b += "#         given: Kenneth\n";
        b += "#     issued:\n";
        b += "#       date-parts: [[2008]]\n";
        b += "#     title: \"Seven strong claims about successful school leadership\"\n";
        b += "#     container-title: School Leadership & Management\n";
        b += "references: []\n";
        add("references.yaml", b);
    }

    // The command that counts a document as lilo check does: with the
    // programme named when the requirement has word-count rules of its own
    // (the thesis), which lilo count applies only then.
    std::string count_command(const RequirementSpec& r, const std::string& rel) const
    {
        if (r.params.contains("word_count")) return "lilo count --programme " + m_src.manifest_ref + " " + rel;
        return "lilo count " + rel;
    }

    // What counts towards a document's limit under `rules`, in words.
    static std::string counting_note(const CountRules& rules)
    {
        static const std::vector<std::pair<Category, const char*>> shown = {
            {Category::headings, "headings"},   {Category::body, "body text"},      {Category::footnotes, "footnotes"},
            {Category::citations, "citations"}, {Category::tables, "tables"},       {Category::captions, "captions"},
            {Category::code, "code"},           {Category::references, "the reference list"},
            {Category::appendices, "appendices"}};
        std::vector<std::string> in, out = {"these comments", "the front matter"};
        for (const auto& [c, name] : shown) (rules.counts(c) ? in : out).push_back(name);
        return join(in) + " count; " + join(out) + " do not";
    }

    // A word-limited document: front matter, what lilo checks, and its headings.
    void document(const std::string& rel, const RequirementSpec& r, const std::string& what, const std::string& extra,
                  const std::vector<std::pair<std::string, std::string>>& sections)
    {
        const std::string dir = parent_prefix(rel);
        const std::string bib = relative_from(dir, "references.yaml");
        const WordLimit limit = requirement_limit(r.params);
        const CountRules rules = requirement_count_rules(m_prog, r);
        char tol[32];
        std::snprintf(tol, sizeof tol, "%g%%", param_number(r.params, "declared_tolerance", 0.05) * 100);

        std::string d = "---\n";
        d += "title: \"Your title\"\n";
        d += "declared_words: 0            # when you finish: the count that `" + count_command(r, rel) + "` reports\n";
        d += "bibliography: " + yaml_scalar(bib) + "\n";
        d += "---\n\n";
        std::vector<std::string> intro = {
            what + " (" + r.id + "): " + limit.str() + " words as `" + count_command(r, rel) + "` counts them (" + counting_note(rules) +
                "). Set `declared_words` to that count, within " + tol + ".",
            "Cite works listed in " + bib + " as [@key] or @key; every key must be there." + (extra.empty() ? "" : " " + extra)};
        d += comment(intro);
        for (const auto& [heading, prompt] : sections) {
            d += "\n## " + md_heading(heading) + "\n";
            if (!prompt.empty()) d += "\n" + comment({prompt});
        }
        add(rel, d);
        references(rel);
    }

    // ---- A Diploma module: its assignment and the guide to its evidence.
    void module(const RequirementSpec& r)
    {
        const auto& p = r.params;
        const std::string dir = folder_prefix(string_param(p, "path", "modules/" + lower(r.id)));
        const std::string assignment = string_param(p, "assignment", "assignment.md");
        const long min_items = param_int(p, "min_evidence", 1);
        std::vector<std::string> sorts, after;
        for (const auto& x : p.value("evidence", nlohmann::json::array()))
            if (x.is_string()) sorts.push_back(x.get<std::string>());
        for (const auto& x : p.value("after", nlohmann::json::array()))
            if (x.is_string()) after.push_back(x.get<std::string>());

        std::string t = "# " + r.title + " (" + r.id + ")\n\n";
        t += para("`" + assignment + "` is the module's assignment. Keep the evidence it draws on under `evidence/`, one "
                  "folder for each sort, and link every item from the assignment where you use it.");
        t += "\n";
        for (const auto& sort : sorts)
            t += bullet("`evidence/" + sort + "/`: at least " + plural(min_items, "item", "items") + " of " + sort +
                        " evidence, e.g. `evidence/" + sort + "/" + m_today.str() + "-" +
                        (sort == "practice" ? "meeting-minutes" : sort == "learning" ? "reading-note" : sort == "reflection" ? "reflective-log" : "item") +
                        ".md`, linked as [" + sort + "](evidence/" + sort + "/…).");
        if (!after.empty())
            t += bullet(r.id + " counts only once " + join(after) + (after.size() == 1 ? " is" : " are") + " met.");
        t += bullet("This README is only a guide; it is not evidence.");
        add(dir + "README.md", t);

        std::vector<std::pair<std::string, std::string>> sections = {
            {"Introduction", "The focus of the module in your school and role, and why it matters now."},
            {"Context and literature", "What research says about it, read critically against your own context."},
            {"Leading the development", "What you did, with whom, and what happened: draw on your evidence of practice and "
                                        "link each item, e.g. [minutes](evidence/practice/…)."},
            {"Evaluation", "What changed in teaching and learning, and how you know; what did not."},
            {"Reflection", "What the module taught you about your own leadership, with your evidence of learning and "
                           "reflection, and what you will do next."},
            {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."}};
        document(dir + assignment, r, "The assignment of " + r.title, "Link every evidence item kept under evidence/.", sections);
    }

    // ---- MPhil essays, one file each.
    void essays(const RequirementSpec& r)
    {
        const auto& paths = r.params.value("paths", nlohmann::json::array());
        std::size_t n = 0;
        for (const auto& x : paths) {
            if (!x.is_string()) continue;
            ++n;
            const std::string rel = fs::path(x.get<std::string>()).lexically_normal().generic_string();
            document(rel, r, "Essay " + std::to_string(n) + " of the " + lower(r.title), "",
                     {{"Introduction", "The question the essay answers, and why it matters in your context."},
                      {"Literature", "What research says about it, read critically."},
                      {"Discussion", "Your argument, with evidence from your own setting where it helps."},
                      {"Conclusion", "What follows for leaders and for your own practice."},
                      {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."}});
        }
    }

    // ---- The thesis, counted by its own rules.
    void thesis(const RequirementSpec& r)
    {
        const std::string rel = fs::path(string_param(r.params, "path", "thesis/thesis.md")).lexically_normal().generic_string();
        document(rel, r, "The " + lower(r.title), "Footnotes go in as [^1], tables as Markdown tables.",
                 {{"Introduction", "The problem, the research questions, and why they matter."},
                  {"Literature review", "What is known, and the gap your study addresses."},
                  {"Methodology", "Design, participants, data and analysis; ethics and consent."},
                  {"Findings", "What you found, question by question."},
                  {"Discussion", "What the findings mean, against the literature."},
                  {"Conclusion", "Contributions, limitations, and implications for leadership."},
                  {"References", "Not counted. pandoc --citeproc writes the list from the bibliography; or write it here yourself."},
                  {"Appendix A: Instruments", "Interview schedules, surveys, consent forms and other material."}});
    }

    // ---- R1: the mentor's meeting records.
    void mentoring(const RequirementSpec& r)
    {
        const std::string dir = folder_prefix(string_param(r.params, "folder", "mentoring"));
        const long meetings = param_int(r.params, "min_meetings", 0);
        const long words = param_int(r.params, "min_meeting_words", 0);
        const long delay = param_int(r.params, "max_start_delay_days", 0);
        std::string t = "# " + r.title + " (" + r.id + ")\n\n";
        t += para("One Markdown file here for each meeting with your mentor, e.g. `" + m_today.str() +
                  "-agreeing-goals.md`. This README is not counted as a record.");
        t += "\n";
        t += bullet("Date each record: start its file name with the date (`YYYY-MM-DD-…`) or give `date: YYYY-MM-DD` in its "
                    "front matter. The date must lie inside your period.");
        if (words > 0)
            t += bullet("Write at least " + plural(words, "word", "words") +
                        " in each record: what you discussed, what you agreed, what you will do next.");
        if (meetings > 0) t += bullet("At least " + plural(meetings, "record is", "records are") + " needed.");
        t += bullet("Name your mentor under `mentor:` in portfolio.yaml (name, role, `since:`). `since` must be at most " +
                    plural(delay, "day", "days") + " after the period starts, and your mentor cannot be you.");
        t += bullet("When your mentor signs the portfolio off, they record what `lilo fingerprint` prints as `sha256:` in "
                    "signoff.yaml (with their name and the date); any later change makes that sign-off stale.");
        t += "\nA record can start like this:\n\n";
        t += "```markdown\n---\ndate: YYYY-MM-DD\nattendees:\n  - Your Name\n  - Your Mentor's Name\n---\n\n";
        t += "# Agreeing goals and ground rules\n\n## Discussed\n\n## Agreed\n\n## Next steps\n```\n";
        add(dir + "README.md", t);
    }

    // ---- R2: the journal, with a template per reflective model.
    void journal(const RequirementSpec& r)
    {
        const std::string dir = folder_prefix(string_param(r.params, "folder", "journal"));
        m_journal_folder = dir;
        m_has_journal = true;
        const auto& p = r.params;
        const long entries = param_int(p, "min_entries", 0);
        const long words = param_int(p, "min_words", 0);
        std::vector<std::pair<std::string, std::vector<std::string>>> models;
        if (p.contains("models") && p["models"].is_object())
            for (auto it = p["models"].begin(); it != p["models"].end(); ++it) models.emplace_back(it.key(), alternatives(*it));

        std::string t = "# " + r.title + " (" + r.id + ")\n\n";
        t += para("One Markdown file here for each journal entry, e.g. `" + m_today.str() +
                  "-a-short-title.md`, kept throughout the programme. This README and the `templates/` folder are not "
                  "counted as entries.");
        t += "\n";
        t += bullet("Date each entry: start its file name with the date (`YYYY-MM-DD-…`) or give `date: YYYY-MM-DD` in its "
                    "front matter. The date must lie inside your period and not in the future.");
        if (words > 0) t += bullet("Write at least " + plural(words, "word", "words") + " in each entry.");
        if (entries > 0) t += bullet("At least " + plural(entries, "entry is", "entries are") + " needed.");
        t += bullet("Start early and keep going: the first entry within " + plural(param_int(p, "first_within_days", 0), "day", "days") +
                    " of the start, no gap of more than " + plural(param_int(p, "max_gap_days", 0), "day", "days") +
                    " between entries, and the last within " + plural(param_int(p, "last_within_days", 0), "day", "days") +
                    " of the end (or of today, while the period runs).");
        if (!models.empty()) {
            t += bullet("An entry may follow a reflective model: say `model: <name>` in its front matter and use that model's "
                        "headings (at any level, in any order). Start from a template:");
            for (const auto& [model, headings] : models) {
                const ModelGuide* g = model_guide(model);
                std::string headings_list;
                for (const auto& h : headings) headings_list += (headings_list.empty() ? "" : ", ") + h;
                t += "  - " + wrap("`templates/" + model + ".md`: " + (g ? std::string(g->name) : "`model: " + model + "`") + " (" +
                                       headings_list + ")",
                                   76, "    ", 4) + "\n";
            }
            t += "\n" + para("Copy a template into this folder under a dated name and write over its prompts.");
        } else {
            t += "\n" + para("Copy `templates/entry.md` into this folder under a dated name to start an entry.");
        }
        add(dir + "README.md", t);
        if (models.empty()) model_template(dir, "", {}, words);
        for (const auto& [model, headings] : models) model_template(dir, model, headings, words);
    }

    void model_template(const std::string& dir, const std::string& model, const std::vector<std::string>& headings, long words)
    {
        const ModelGuide* g = model.empty() ? nullptr : model_guide(model);
        std::string t = "---\n";
        t += "# A journal entry" + (model.empty() ? std::string() : " using " + (g ? std::string(g->name) : "the " + model + " model")) + ".\n";
        t += "# Copy this file into " + (dir.empty() ? std::string("the portfolio folder") : dir) +
             " as YYYY-MM-DD-a-short-title.md (the date in\n";
        t += "# the name dates the entry), or give the date below and remove its `#`.\n";
        t += "# date: YYYY-MM-DD\n";
        if (!model.empty()) t += "model: " + yaml_scalar(model) + "\n";
        t += "---\n\n";
        std::vector<std::string> intro;
        if (words > 0) intro.push_back("At least " + plural(words, "word", "words") + ", not counting these comments.");
        if (!model.empty())
            intro.push_back("An entry with `model: " + model + "` needs every heading below (at any level, in any order).");
        else
            intro.push_back("What happened, what you made of it, what you learned, and what you will do next.");
        t += comment(intro);
        for (const auto& h : headings) {
            t += "\n## " + md_heading(h) + "\n";
            const char* prompt = nullptr;
            if (g)
                if (auto it = g->headings.find(lower(h)); it != g->headings.end()) prompt = it->second;
            if (prompt) t += "\n" + comment({prompt});
        }
        add(dir + "templates/" + (model.empty() ? std::string("entry") : model) + ".md", t);
    }

    // ---- R3: the taught courses' completion evidence.
    void courses(const RequirementSpec& r)
    {
        const std::string dir = "courses/";
        std::string t = "# " + r.title + " (" + r.id + ")\n\n";
        t += para("Completion evidence for each taught course: a certificate, a completion e-mail or a record, in any "
                  "format. Name each file under the course's `evidence:` in portfolio.yaml.");
        const auto& list = r.params.value("courses", nlohmann::json::array());
        if (list.is_array() && !list.empty()) {
            t += "\nThe programme lists these courses:\n\n";
            for (const auto& c : list) {
                const std::string id = c.value("id", "");
                const std::string title = c.value("title", id);
                t += bullet(title + " (`" + id + "`)" + (c.value("evidence", false) ? ": evidence needed" : ""));
            }
        }
        t += "\n";
        t += para("When a course is done, set in portfolio.yaml `status: completed`, `completed: YYYY-MM-DD` (a date inside "
                  "your period) and `evidence: courses/<file>`.");
        add(dir + "README.md", t);
    }

    // ---- R4: the project description and its evidence.
    void project(const RequirementSpec& r)
    {
        const std::string rel = fs::path(string_param(r.params, "path", "project/project.md")).lexically_normal().generic_string();
        const std::string dir = parent_prefix(rel);
        const long words = param_int(r.params, "min_section_words", 0);
        std::vector<std::vector<std::string>> sections;
        for (const auto& s : r.params.value("sections", nlohmann::json::array()))
            if (auto a = alternatives(s); !a.empty()) sections.push_back(a);
        std::vector<std::string> first_names;
        for (const auto& a : sections) first_names.push_back(a.front());

        if (!dir.empty()) {
            std::string t = "# " + r.title + " (" + r.id + ")\n\n";
            t += para("`" + rel.substr(dir.size()) + "` describes the project" +
                      (first_names.empty() ? "" : " under the headings " + join(first_names)) +
                      ". Keep its evidence here (surveys, records, letters, data; e.g. in `evidence/`) and link each file "
                      "from the description; every local link must lead to a file that exists.");
            add(dir + "README.md", t);
        }
        std::string t = "---\n";
        t += "title: \"Your project's title\"\n";
        t += "status: in-progress          # planned | in-progress | completed\n";
        t += "started: " + m_today.str() + "\n";
        t += "# completed: YYYY-MM-DD      # add when it is finished, with `status: completed`\n";
        t += "---\n\n";
        std::vector<std::string> intro = {
            "The " + r.title + " (" + r.id + "): an initiative to improve teaching and learning in your area of "
            "responsibility. To be met it needs a title, `status: completed`, `started:` and `completed:` dates inside your "
            "period" + (words > 0 ? ", and at least " + plural(words, "word", "words") + " in each section below" : "") + ".",
            "Link evidence kept beside this file, e.g. [survey](evidence/baseline-survey.pdf)."};
        t += comment(intro);
        for (const auto& a : sections) {
            t += "\n## " + md_heading(a.front()) + "\n\n";
            std::string prompt = project_prompt(a.front());
            if (a.size() > 1) prompt += " (This heading may also be " + join(std::vector<std::string>(a.begin() + 1, a.end()), "or") + ".)";
            t += comment({prompt});
        }
        add(rel, t);
    }

    // ---- R5: interviews with an experienced leader.
    void interviews(const RequirementSpec& r)
    {
        const std::string dir = folder_prefix(string_param(r.params, "folder", "interviews"));
        const auto& p = r.params;
        const long n = param_int(p, "min_interviews", 1);
        const long questions = param_int(p, "min_questions", 0);
        const double years = param_number(p, "min_years_in_leadership", 0);
        char years_text[32];
        std::snprintf(years_text, sizeof years_text, "%g", years);
        const std::string qsection = string_param(p, "questions_section", "Questions");
        std::vector<std::vector<std::string>> sections;
        for (const auto& s : p.value("sections", nlohmann::json::array()))
            if (auto a = alternatives(s); !a.empty()) sections.push_back(a);
        if (sections.empty()) sections = {{"Purpose"}, {qsection}, {"Notes", "Transcript"}, {"Reflection"}};
        std::vector<std::string> shown;
        for (const auto& a : sections) shown.push_back(a.size() == 1 ? "*" + a.front() + "*" : "*" + join(a, "or") + "*");

        std::string t = "# " + r.title + " (" + r.id + ")\n\n";
        t += para("One Markdown file here for each interview you plan and hold with an experienced leader, e.g. `" +
                  m_today.str() + "-interview-principal.md`. This README is not counted as an interview.");
        t += "\n";
        t += bullet("At least " + plural(n, "interview is", "interviews are") + " needed, dated inside your period.");
        t += bullet("In the front matter: `date`, `interviewee.role`, `interviewee.years_in_leadership` (at least " +
                    std::string(years_text) + "), and `consent: true` or the path of a consent file that exists.");
        t += bullet("Sections " + join(shown) + (questions > 0 ? "; under *" + qsection + "*, a list of at least " +
                                                                      plural(questions, "question", "questions")
                                                                : std::string()) + ".");
        t += bullet("If the interviewee asked to stay anonymous, say `private: true`: then their `interviewee.name` must "
                    "not appear in the essay or the journal.");
        t += "\nAn interview can start like this:\n\n";
        t += "```markdown\n---\ndate: YYYY-MM-DD\ninterviewee:\n  name: Their Name\n  role: Principal\n  years_in_leadership: " +
             std::to_string(static_cast<long>(std::ceil(years)) + 5) +
             "\nconsent: true          # or the path of a consent file, e.g. consent/form.pdf\nprivate: true\n---\n";
        for (const auto& a : sections) {
            t += "\n## " + a.front() + "\n";
            if (lower(a.front()) == lower(qsection)) {
                t += "\n";
                for (long i = 1; i <= std::max(questions, 1L); ++i) t += std::to_string(i) + ". …\n";
            } else if (const std::string pr = interview_prompt(a.front()); !pr.empty()) {
                t += "\n" + pr + "\n";
            }
        }
        t += "```\n";
        add(dir + "README.md", t);
    }

    // ---- Folders that criteria link to (presentation/ for C9).
    void link_folders()
    {
        for (const auto& c : m_prog.criteria) {
            if (!c.params.contains("links_to") || !c.params["links_to"].is_string()) continue;
            const std::string to = c.params["links_to"].get<std::string>();
            if (!to.ends_with("/")) continue;
            const std::string dir = folder_prefix(to);
            if (dir.empty() || has(dir + "README.md")) continue;
            std::string t;
            if (dir == "presentation/") {
                t = "# Presentation (" + c.id + ")\n\n";
                t += para("Your e-portfolio presentation for the Virtual Consultancy course: the slides, an outline, notes on "
                          "the audiences you presented to and what they asked. This README is only a guide.");
                t += "\n";
                t += para("The essay's section for " + c.id + " (" + c.title + ") must link to a file here that exists, e.g. "
                          "`[presentation](presentation/e-portfolio-outline.md)`.");
            } else {
                t = "# " + to + " (" + c.id + ")\n\n";
                t += para("Files for " + c.title + ". The essay's section for " + c.id +
                          " must link to a file here that exists. This README is only a guide.");
            }
            add(dir + "README.md", t);
        }
    }

    void liloignore()
    {
        std::string t = "# Kept out of the submission bundle (`lilo bundle`): gitignore-style patterns.\n";
        t += "# Working notes and temporary files (a .docx or .odt essay is a portfolio document, so kept):\n";
        t += "drafts/\n*.tmp\n~$*\n";
        t += "# Not part of the portfolio itself:\n";
        if (m_has_journal) t += "/" + m_journal_folder + "templates/\n";
        t += "lilo-report.json\n.gitignore\n.github/\n";
        add(".liloignore", t);
    }

    void gitignore()
    {
        std::string t = "# Submission bundles and reports that lilo writes:\n";
        t += "*.zip\nlilo-report.json\n";
        t += "# Editor and system debris:\n";
        t += "*~\n.#*\n\\#*#\n*.swp\n*.swo\n.DS_Store\nThumbs.db\n~$*\n*.tmp\n";
        add(".gitignore", t);
    }

    void workflow()
    {
        std::string t;
        t += "# A sample GitHub Actions workflow, written by `lilo init`: it checks the\n";
        t += "# portfolio on every push and keeps the JSON report. It assumes the portfolio\n";
        t += "# is the top of the repository.\n";
        t += "#\n";
        t += "# lilo is not published as a GitHub Action or an Ubuntu package, so this job\n";
        t += "# expects `lilo` on the runner's PATH. Either use a self-hosted runner where\n";
        t += "# lilo is installed, or build it first with a step like the one commented out\n";
        t += "# below: its dependencies are Debian/Ubuntu packages (the list is in lilo's\n";
        t += "# tools/install-deps); set LILO_SOURCE to where your centre keeps lilo's source.\n";
        t += "#\n";
        t += "# While requirements are unmet, `lilo check` exits 1 and the job fails: that is\n";
        t += "# the point. The report is kept either way.\n";
        t += "name: lilo check\n";
        t += "on:\n  push:\n  pull_request:\n  workflow_dispatch:\n";
        t += "jobs:\n";
        t += "  check:\n";
        t += "    runs-on: ubuntu-latest\n";
        t += "    steps:\n";
        t += "      - uses: actions/checkout@v4\n";
        t += "        with:\n";
        t += "          fetch-depth: 0   # the whole history, so that lilo can see when each journal entry was written\n";
        t += "      # - name: Build and install lilo\n";
        t += "      #   env:\n";
        t += "      #     LILO_SOURCE: https://example.org/your-centre/lilo.git\n";
        t += "      #   run: |\n";
        t += "      #     sudo apt-get update\n";
        t += "      #     sudo apt-get install -y --no-install-recommends build-essential cmake pkg-config \\\n";
        t += "      #       libcli11-dev libyaml-cpp-dev libfmt-dev libzip-dev nlohmann-json3-dev \\\n";
        t += "      #       libvalijson-dev libmd4c-dev libssl-dev libicu-dev libgit2-dev\n";
        t += "      #     git clone --depth 1 \"$LILO_SOURCE\" \"$RUNNER_TEMP/lilo\"\n";
        t += "      #     cmake -S \"$RUNNER_TEMP/lilo\" -B \"$RUNNER_TEMP/lilo-build\" -DCMAKE_BUILD_TYPE=Release -DLILO_BUILD_TESTS=OFF\n";
        t += "      #     cmake --build \"$RUNNER_TEMP/lilo-build\" -j2\n";
        t += "      #     sudo cmake --install \"$RUNNER_TEMP/lilo-build\"\n";
        t += "      - name: Is lilo installed?\n";
        t += "        run: command -v lilo || { echo \"::error::lilo is not installed on this runner; see the top of this file\"; exit 1; }\n";
        t += "      - name: Check the portfolio\n";
        t += "        run: lilo check --format json > lilo-report.json\n";
        t += "      - name: Show what is still to do\n";
        t += "        if: always()\n";
        t += "        run: lilo check || true\n";
        t += "      - name: Keep the report\n";
        t += "        if: always()\n";
        t += "        uses: actions/upload-artifact@v4\n";
        t += "        with:\n";
        t += "          name: lilo-report\n";
        t += "          path: lilo-report.json\n";
        add(".github/workflows/lilo.yml", t);
    }
};

std::vector<ScaffoldFile> build_files(const ScaffoldOptions& options, const fs::path* folder)
{
    const Source src = resolve_programme(options, folder);
    return Builder(options, src).build();
}

[[noreturn]] void write_error(const fs::path& p, const std::string& what, int err)
{
    throw std::runtime_error(p.string() + ": " + what + ": " + std::strerror(err));
}

// Creates `p` with `content`; false when something is there already.
bool write_new(const fs::path& p, const std::string& content)
{
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        if (errno == EEXIST) return false;
        write_error(p, "cannot create", errno);
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            ::close(fd);
            ::unlink(p.c_str());
            write_error(p, "cannot write", err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(p.c_str());
        write_error(p, "cannot write", err);
    }
    return true;
}

} // namespace

std::vector<ScaffoldFile> scaffold_files(const ScaffoldOptions& options) { return build_files(options, nullptr); }

ScaffoldResult write_scaffold(const fs::path& folder, const ScaffoldOptions& options)
{
    // The programme first: nothing is written for an unknown one.
    const auto files = build_files(options, &folder);
    ScaffoldResult out;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw std::runtime_error(folder.string() + ": cannot create the folder: " + ec.message());
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(folder.string() + ": not a folder");
    for (const auto& f : files) {
        const fs::path p = folder / fs::path(f.path);
        if (fs::symlink_status(p, ec).type() != fs::file_type::not_found) {
            out.kept.push_back(f.path);
            continue;
        }
        fs::create_directories(p.parent_path(), ec);
        if (ec) throw std::runtime_error(p.parent_path().string() + ": cannot create the folder: " + ec.message());
        if (write_new(p, f.content)) out.written.push_back(f.path);
        else out.kept.push_back(f.path);
    }
    return out;
}

} // namespace lilo
