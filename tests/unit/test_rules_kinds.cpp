// The registry of requirement kinds against everything that describes them:
// the programme schema, lilo-programme(5), lilo explain, lilo init and lilo
// check. A kind added to lib/rules/kinds.cpp is held to all of them here.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "check.hpp"
#include "portfolio/manifest.hpp"
#include "programme/programme.hpp"
#include "rules/explain.hpp"
#include "rules/kinds.hpp"
#include "scaffold/scaffold.hpp"
#include "scaffold/writer.hpp"
#include "text/utf8.hpp"
#include "yaml/yaml_json.hpp"

using namespace lilo;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p)
{
    std::ifstream in(p);
    REQUIRE_MESSAGE(in, p.string());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const fs::path source_dir = LILO_SOURCE_DIR;

// A programme's requirement by id (the test fails when it has none).
const RequirementSpec& requirement(const Programme& p, const std::string& id)
{
    const auto it = std::find_if(p.requirements.begin(), p.requirements.end(), [&](const auto& r) { return r.id == id; });
    REQUIRE(it != p.requirements.end());
    return *it;
}

nlohmann::json programme_schema() { return nlohmann::json::parse(slurp(source_dir / "schemas/programme.schema.json")); }

// The parameters the schema requires of a kind (its if/then block).
std::set<std::string> required_by_schema(const nlohmann::json& schema, std::string_view kind)
{
    for (const auto& block : schema["definitions"]["requirement"]["allOf"])
        if (block["if"]["properties"]["kind"]["const"] == kind) return block["then"]["required"].get<std::set<std::string>>();
    return {};
}

// A value for a parameter the schema requires: the kind's default, or for a
// list or map the least the schema accepts.
nlohmann::json value_for(const KindParam& p, const nlohmann::json& property)
{
    static const std::map<std::string, nlohmann::json> lists = {
        {"courses", nlohmann::json::array({{{"id", "course-a"}}})}, {"sections", {"Introduction"}},
        {"evidence", {"practice"}}, {"paths", {"essays/essay-1.md"}}, {"weights", {{"thesis", 1}}},
        {"models", nlohmann::json::object()}, {"min_marks", nlohmann::json::object()}, {"after", nlohmann::json::array()}};
    if (auto it = lists.find(std::string(p.name)); it != lists.end()) return it->second;
    if (!p.default_value.is_null()) return p.default_value;
    if (property.value("type", "") == "string") return "x-" + std::string(p.name); // a path with no default (a module's folder)
    return 0;
}

// A programme with one requirement of every kind, each with its defaults.
std::string every_kind_programme()
{
    const auto schema = programme_schema();
    const auto& props = schema["definitions"]["requirement"]["properties"];
    nlohmann::json prog = {{"id", "every-kind"}, {"title", "Every kind"}, {"requirements", nlohmann::json::object()}};
    int n = 0;
    for (const auto* kind : requirement_kinds()) {
        nlohmann::json r = {{"kind", std::string(kind->name)}, {"title", "A " + std::string(kind->name)}};
        for (const auto& name : required_by_schema(schema, kind->name)) {
            if (name == "title") continue;
            const auto params = kind->parameters();
            const auto p = std::find_if(params.begin(), params.end(), [&](const KindParam& q) { return q.name == name; });
            REQUIRE_MESSAGE(p != params.end(), kind->name << ": the schema requires '" << name << "', which the kind does not take");
            r[name] = value_for(*p, props[name]);
        }
        prog["requirements"]["R" + std::to_string(++n)] = r;
    }
    return prog.dump(2); // JSON is YAML
}

class TempDir {
public:
    TempDir()
    {
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("lilo-kinds-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        fs::create_directories(m_dir);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& dir() const { return m_dir; }

private:
    fs::path m_dir;
};

} // namespace

TEST_CASE("the programme schema's kinds are the registry's, and each kind's parameters are in it")
{
    const auto schema = programme_schema();
    const auto& requirement = schema["definitions"]["requirement"];
    std::set<std::string> in_schema = requirement["properties"]["kind"]["enum"].get<std::set<std::string>>();
    std::set<std::string> in_registry;
    for (const auto* kind : requirement_kinds()) in_registry.insert(std::string(kind->name));
    CHECK(in_schema == in_registry);
    for (const auto* kind : requirement_kinds()) {
        CAPTURE(kind->name);
        for (const auto& p : kind->parameters()) {
            CAPTURE(p.name);
            REQUIRE(requirement["properties"].contains(std::string(p.name)));
            CHECK(!p.meaning.empty());
            // The struct's default has the schema's type (a count is a whole number).
            if (!p.default_value.is_null()) {
                const auto& prop = requirement["properties"][std::string(p.name)];
                const std::string ref = prop.value("$ref", ""), type = prop.value("type", "");
                if (ref.ends_with("/count")) CHECK(p.default_value.is_number_integer());
                else if (ref.ends_with("/fraction") || type == "number") CHECK(p.default_value.is_number());
                else if (type == "string" || prop.contains("enum")) CHECK(p.default_value.is_string());
                else if (type == "array" || ref.ends_with("/names")) CHECK(p.default_value.is_array());
                else if (type == "object" || ref.ends_with("/word_count")) CHECK((p.default_value.is_object() || p.default_value.is_array()));
                if (prop.contains("enum")) CHECK(std::find(prop["enum"].begin(), prop["enum"].end(), p.default_value) != prop["enum"].end());
            }
        }
        // Every parameter the schema requires is one the kind takes.
        for (const auto& name : required_by_schema(schema, kind->name))
            if (name != "title") CHECK_MESSAGE(kind->takes(name), name);
    }
}

TEST_CASE("a programme may give a requirement only the parameters of its kind, as the registry lists them")
{
    // The schema's `then` block for each kind names exactly the keys the kind
    // takes (its properties, no others allowed), so that a parameter of another kind is refused
    // at its line when the programme loads, never silently ignored.
    const auto schema = programme_schema();
    for (const auto* kind : requirement_kinds()) {
        CAPTURE(kind->name);
        std::set<std::string> want{"kind", "title"};
        for (const auto& p : kind->parameters()) want.insert(std::string(p.name));
        std::set<std::string> in_schema;
        for (const auto& block : schema["definitions"]["requirement"]["allOf"])
            if (block["if"]["properties"]["kind"]["const"] == kind->name && block["then"].contains("properties")) {
                for (const auto& [name, _] : block["then"]["properties"].items()) in_schema.insert(name);
                CHECK(block["then"].value("additionalProperties", true) == false);
            }
        std::string missing, extra;
        for (const auto& n : want) if (!in_schema.count(n)) missing += " " + n;
        for (const auto& n : in_schema) if (!want.count(n)) extra += " " + n;
        CHECK_MESSAGE(missing.empty(), "the kind's `then` block in the schema lacks:" << missing);
        CHECK_MESSAGE(extra.empty(), "the kind's `then` block in the schema has keys the kind does not take:" << extra);
    }
    // Loading refuses another kind's parameter at its line, naming what the kind takes.
    try {
        (void)programme_from_text("extends: lilo-certificate\nid: c\ntitle: C\nrequirements:\n  R6:\n    min_entries: 30\n", "centre.yaml");
        FAIL("a journal's parameter on the essay was accepted");
    } catch (const ProgrammeError& e) {
        CHECK(e.file == "centre.yaml");
        CHECK(e.line == 6);
        CHECK(std::string(e.what()).find("min_entries") != std::string::npos);
        CHECK(std::string(e.what()).find("(a requirement of kind essay takes: title, component, declared_tolerance") != std::string::npos);
    }
    // A typo in a file that does not give the kind: the parameter it is closest to.
    try {
        (void)programme_from_text("extends: lilo-certificate\nid: c\ntitle: C\nrequirements:\n  R2:\n    min_entrie: 30\n", "centre.yaml");
        FAIL("a misspelt parameter was accepted");
    } catch (const ProgrammeError& e) {
        CHECK(e.line == 6);
        CHECK(std::string(e.what()).ends_with("unknown field 'min_entrie': did you mean 'min_entries'?"));
    }
}

TEST_CASE("lilo-programme(5) names every kind and every parameter")
{
    const std::string page = slurp(source_dir / "man/lilo-programme.5");
    for (const auto* kind : requirement_kinds()) {
        // Each kind has its section, and its parameters are named in it.
        const auto at = page.find(".SS kind: " + std::string(kind->name) + "\n");
        REQUIRE_MESSAGE(at != std::string::npos, kind->name);
        const std::string section = page.substr(at, page.find(".SS ", at + 1) - at);
        for (const auto& p : kind->parameters()) {
            std::string escaped(p.name);
            for (std::size_t i = 0; (i = escaped.find('_', i)) != std::string::npos; i += 2) escaped.insert(i, "\\");
            CHECK_MESSAGE((section.find(std::string(p.name)) != std::string::npos || section.find(escaped) != std::string::npos),
                          kind->name << ": " << p.name);
        }
    }
}

TEST_CASE("a kind whose place portfolio.yaml moves has it as its `path` or `folder`, and the manifest schema knows the key")
{
    const auto manifest_schema = nlohmann::json::parse(slurp(source_dir / "schemas/portfolio.schema.json"));
    for (const auto* kind : requirement_kinds()) {
        CAPTURE(kind->name);
        // The editor finds a kind's files, and a criterion's links_to its place, through moved_by.
        if (kind->required_headings) CHECK(!kind->moved_by.empty());
        if (kind->moved_by.empty()) continue;
        CHECK((kind->takes("path") || kind->takes("folder")));
        CHECK(manifest_schema["properties"].contains(std::string(kind->moved_by)));
    }
}

TEST_CASE("a requirement's place: portfolio.yaml's setting, else its parameter")
{
    const Programme p = load_programme("lilo-certificate", ".");
    const auto req = [&](const std::string& id) -> const RequirementSpec& { return requirement(p, id); };
    auto parsed = parse_yaml("journal: diary\nessay: final/reflection.md\n");
    REQUIRE(parsed.doc);
    const Manifest m = read_manifest(std::move(*parsed.doc));

    const auto journal = requirement_place(req("R2"), &m);
    REQUIRE(journal);
    CHECK(journal->path == "diary");
    CHECK(journal->folder);
    const auto essay = requirement_place(req("R6"), &m);
    REQUIRE(essay);
    CHECK(essay->path == "final/reflection.md");
    CHECK(!essay->folder);
    // Not moved: the programme's parameter.
    const auto project = requirement_place(req("R4"), &m);
    REQUIRE(project);
    CHECK(project->path == "project/project.md");
    CHECK(requirement_place(req("R1"), nullptr)->path == "mentoring");
    CHECK(requirement_place(req("R5"), nullptr)->folder);
    CHECK(requirement_place(req("R2"), nullptr)->path == "journal");
    // The courses have no file or folder of their own that portfolio.yaml moves.
    CHECK(!requirement_place(req("R3"), &m));
}

TEST_CASE("the headings a kind asks of a file: the project's sections, an interview's, a journal entry's model")
{
    const Programme p = load_programme("lilo-certificate", ".");
    const auto req = [&](const std::string& id) -> const RequirementSpec& { return requirement(p, id); };
    const auto none = nlohmann::json::object();
    const auto headings_of = [&](const std::string& id, const nlohmann::json& meta) {
        const auto& kind = kind_of(req(id));
        REQUIRE(static_cast<bool>(kind.required_headings));
        return kind.required_headings(req(id), meta);
    };
    const auto project = headings_of("R4", none);
    CHECK(project.headings == param_headings(req("R4"), "sections"));
    CHECK(project.min_section_words == param_count(req("R4"), "min_section_words"));
    const auto interview = headings_of("R5", none);
    CHECK(interview.headings == Headings{{"Purpose"}, {"Questions"}, {"Notes", "Transcript"}, {"Reflection"}});
    CHECK(!interview.min_section_words);
    // A model is named ignoring case and spacing, as the check names it.
    const auto gibbs = headings_of("R2", {{"model", "  GIBBS "}});
    REQUIRE(!gibbs.headings.empty());
    CHECK(gibbs.headings.front() == std::vector<std::string>{"Description"});
    CHECK(headings_of("R2", none).headings.empty());
    CHECK(headings_of("R2", {{"model", "no such model"}}).headings.empty());
    CHECK(headings_of("R2", {{"model", 3}}).headings.empty());
    CHECK(!kind_of(req("R6")).required_headings);
}

TEST_CASE("the explain overview cuts long titles at whole characters and ends no line in spaces")
{
    const Programme p = programme_from_text("extends: lilo-certificate\nid: hk\ntitle: HK\ncriteria:\n"
                                            "  C1: {title: \"在自己的學校情境中成功領導的特質與實踐：一位校長的反思\"}\n",
                                            "hk.yaml");
    const std::string out = explain_overview(p, nullptr);
    CHECK(!find_invalid_utf8(out));
    CHECK(out.find(" \n") == std::string::npos);
    CHECK(out.find("  C1   在自己的學校情境中成功領導的特質與實踐：…\n") != std::string::npos);
}

TEST_CASE("every kind's codes have explain text, once each")
{
    for (const auto* kind : requirement_kinds()) {
        std::set<std::string_view> seen;
        CHECK(!kind->summary.empty());
        for (const auto& c : kind->codes) {
            CAPTURE(kind->name);
            CAPTURE(c.slug);
            CHECK(seen.insert(c.slug).second);
            CHECK(!c.meaning.empty());
            CHECK(!c.fix.empty());
        }
    }
}

TEST_CASE("every code in lilo's sources has explain text")
{
    // A requirement's finding is its kind's code; a criterion's and the portfolio's form's are in explain's tables.
    std::set<std::string> kind_codes;
    for (const auto* kind : requirement_kinds())
        for (const auto& c : kind->codes) kind_codes.insert(std::string(c.slug));
    const std::regex finding(R"re((?:ctx\.error|lack)\(\s*"([a-z-]+)"|ctx\.finding\([^,()]+,\s*"([a-z-]+)")re");
    const std::regex criterion(R"re(miss\(\s*"([a-z-]+)")re");
    const std::regex form(R"re("P\.([a-z-]+)"|FsProblem\{"([a-z-]+)"|\{"(yaml-[a-z-]+)"|return \{"([a-z-]+)", )re");
    std::size_t seen = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / "lib")) {
        if (entry.path().extension() != ".cpp") continue;
        const std::string text = slurp(entry.path());
        const std::string file = entry.path().filename().string();
        for (std::sregex_iterator it(text.begin(), text.end(), finding), end; it != end; ++it) {
            const std::string slug = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
            CHECK_MESSAGE(kind_codes.count(slug), file << ": " << slug);
            ++seen;
        }
        for (std::sregex_iterator it(text.begin(), text.end(), criterion), end; it != end; ++it) {
            CHECK_MESSAGE(criterion_code((*it)[1].str()), file << ": C." << (*it)[1].str());
            ++seen;
        }
        for (std::sregex_iterator it(text.begin(), text.end(), form), end; it != end; ++it)
            for (int g = 1; g <= 4; ++g)
                if ((*it)[g].matched) {
                    CHECK_MESSAGE(portfolio_code((*it)[g].str()), file << ": P." << (*it)[g].str());
                    ++seen;
                }
    }
    CHECK(seen > 100); // the patterns still find lilo's codes
}

TEST_CASE("every code that checking the examples emits has explain text")
{
    for (const auto& example : fs::directory_iterator(source_dir / "examples")) {
        CheckOptions opt;
        opt.folder = example.path();
        opt.display_name = example.path().filename().string();
        opt.as_of = *Date::parse("2026-11-20");
        opt.git = CheckOptions::Git::off;
        const Report r = check_portfolio(opt);
        const Programme p = load_programme(r.programme, "");
        for (const auto& d : r.diagnostics) CHECK_MESSAGE(explain(p, d.code, &r), example.path().filename().string() << ": " << d.code);
    }
}

TEST_CASE("a programme using every kind with its defaults loads, scaffolds, and checks every example")
{
    TempDir tmp;
    const fs::path file = tmp.dir() / "every-kind.yaml";
    std::ofstream(file) << every_kind_programme();
    const Programme p = load_programme(file.string(), "");
    REQUIRE(p.requirements.size() == requirement_kinds().size());

    ScaffoldOptions so;
    so.programme = file.string();
    so.today = Date::parse("2026-01-05");
    const auto result = write_scaffold(tmp.dir() / "new", so);
    CHECK(!result.written.empty());
    {
        // What init writes is where check looks: the module's assignment in its folder.
        CheckOptions opt;
        opt.folder = tmp.dir() / "new";
        opt.display_name = "new";
        opt.programme = file.string();
        opt.git = CheckOptions::Git::off;
        opt.as_of = *Date::parse("2026-01-05");
        const Report r = check_portfolio(opt);
        const auto module = std::find_if(p.requirements.begin(), p.requirements.end(), [](const auto& q) { return q.kind == "module"; });
        REQUIRE(module != p.requirements.end());
        const auto docs = r.documents_of(module->id);
        REQUIRE(docs.size() == 1);
        CHECK(docs.front()->file == param_text(*module, "path") + "/assignment.md");
        CHECK(std::find(result.written.begin(), result.written.end(), docs.front()->file) != result.written.end());
    }
    for (const auto* kind : requirement_kinds()) {
        // What each kind writes, alone.
        std::size_t with = 0;
        if (kind->scaffold) {
            scaffold::Writer w(p, file.string(), *so.today);
            for (const auto& r : p.requirements)
                if (find_kind(r.kind) == kind) kind->scaffold(w, r);
            with = w.take().size();
            CHECK_MESSAGE(with > 0, kind->name << " scaffolds nothing");
        }
    }

    for (const auto& example : fs::directory_iterator(source_dir / "examples")) {
        CheckOptions opt;
        opt.folder = example.path();
        opt.display_name = example.path().filename().string();
        opt.programme = file.string();
        opt.git = CheckOptions::Git::off;
        opt.as_of = *Date::parse("2026-11-20");
        Report r;
        CHECK_NOTHROW(r = check_portfolio(opt));
        CHECK(r.requirements.size() == requirement_kinds().size());
        for (const auto& d : r.diagnostics) CHECK_MESSAGE(explain(p, d.code, &r), example.path().filename().string() << ": " << d.code);
    }
}

TEST_CASE("a kind's parameters are parsed once, as the programme loads: the programme's value, else the struct's default")
{
    const Programme p = programme_from_text("extends: lilo-certificate\nid: c\ntitle: C\nrequirements:\n"
                                            "  R2:\n    min_entries: 7\n  R5:\n    min_questions: 3\n",
                                            "centre.yaml");
    const auto req = [&](const std::string& id) -> const RequirementSpec& { return requirement(p, id); };
    CHECK(req("R2").parsed.has_value());
    CHECK(param_count(req("R2"), "min_entries") == 7);         // the centre's
    CHECK(param_count(req("R2"), "max_gap_days") == 31);       // lilo-certificate's
    CHECK(param_count(req("R2"), "max_backdate_days") == 14);  // the kind's default
    CHECK(param_text(req("R2"), "backdated") == "warning");
    CHECK(param_count(req("R5"), "min_questions") == 3);
    CHECK(param_headings(req("R5"), "sections") ==
          Headings{{"Purpose"}, {"Questions"}, {"Notes", "Transcript"}, {"Reflection"}});
    CHECK(!param_given(req("R6"), "component"));               // optional, not given: no value
    CHECK(param_given(req("R6"), "target_words"));
    // A parameter the kind does not take is a programming error, not a silent zero.
    CHECK_THROWS_AS(param_count(req("R2"), "target_words"), std::logic_error);
}

TEST_CASE("what the schema cannot see of a kind's parameters is refused as the programme loads, at the parameter's line")
{
    try {
        (void)programme_from_text("extends: mphil-elsi\nid: c\ntitle: C\nrequirements:\n  R1:\n    min_words: 7000\n", "centre.yaml");
        FAIL("min_words above max_words was accepted");
    } catch (const ProgrammeError& e) {
        CHECK(e.file == "centre.yaml");
        CHECK(e.line == 6);  // the centre's min_words, not mphil-elsi's max_words
        CHECK(std::string(e.what()).find("requirements.R1.min_words: min_words (7000) is above max_words (6500)") != std::string::npos);
    }
    try {
        (void)programme_from_text("extends: mphil-elsi\nid: c\ntitle: C\nrequirements:\n  R1:\n    components: [\"01\"]\n", "centre.yaml");
        FAIL("one component code for two essays was accepted");
    } catch (const ProgrammeError& e) {
        CHECK(e.file == "centre.yaml");
        CHECK(e.line == 6);
        CHECK(std::string(e.what()).find("gives 1 component code for 2 essays in `paths`") != std::string::npos);
    }
}

TEST_CASE("a requirement is met exactly when it reports no error, and an unmet one always says why")
{
    TempDir tmp;
    const fs::path every = tmp.dir() / "every-kind.yaml";
    std::ofstream(every) << every_kind_programme();
    for (const auto& example : fs::directory_iterator(source_dir / "examples"))
        for (const std::optional<std::string>& programme : {std::optional<std::string>(), std::optional<std::string>(every.string())}) {
            CheckOptions opt;
            opt.folder = example.path();
            opt.display_name = example.path().filename().string();
            opt.programme = programme;
            opt.git = CheckOptions::Git::off;
            opt.as_of = *Date::parse("2026-11-20");
            const Report r = check_portfolio(opt);
            for (const auto& q : r.requirements) {
                CAPTURE(opt.display_name);
                CAPTURE(q.id);
                const bool own_error = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
                    return d.severity == Severity::error && d.owner() == q.id;
                });
                const bool form_error = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
                    return d.severity == Severity::error && d.owner() == "P";
                });
                if (q.met) CHECK_FALSE(own_error);
                else CHECK((own_error || form_error));
            }
        }
}

TEST_CASE("a project section may be one of its alternatives, as the schema allows")
{
    // `sections: [Rationale, [Plan, Design]]`: the certificate example's project has Plan.
    TempDir tmp;
    const fs::path prog = tmp.dir() / "centre.yaml";
    std::ofstream(prog) << "extends: lilo-certificate\nid: c\ntitle: C\nrequirements:\n  R4:\n"
                           "    sections: [Rationale, [Design, Plan], [Outcomes, Impact]]\n";
    CheckOptions opt;
    opt.folder = source_dir / "examples/certificate";
    opt.display_name = "certificate";
    opt.programme = prog.string();
    opt.git = CheckOptions::Git::off;
    opt.as_of = *Date::parse("2026-11-20");
    const Report r = check_portfolio(opt);
    std::vector<std::string> r4;
    for (const auto& d : r.diagnostics)
        if (d.owner() == "R4") r4.push_back(d.code + " " + d.message);
    REQUIRE(r4.size() == 1);
    CHECK(r4.front() == "R4.section-missing no section headed 'Outcomes' or 'Impact'");
}
