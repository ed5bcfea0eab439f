#include "count.hpp"

#include <algorithm>
#include <fmt/core.h>
#include <iostream>
#include <iterator>
#include <optional>

#include "core/cannot_check.hpp"
#include "count_parts.hpp"
#include "portfolio/fsys.hpp"
#include "programme/programme.hpp"
#include "rules/document_rules.hpp"
#include "text/utf8.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo {

namespace {

// Each occurrence of --include/--exclude is one word, perhaps comma-separated.
std::vector<Category> parse_categories(const std::vector<std::string>& values, const char* option)
{
    std::vector<std::string> names;
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            const std::size_t comma = std::min(v.find(',', start), v.size());
            std::string name = v.substr(start, comma - start);
            name.erase(0, name.find_first_not_of(' '));
            name.erase(name.find_last_not_of(' ') + 1);
            if (!name.empty()) names.push_back(name);
            start = comma + 1;
        }
    }
    std::vector<Category> out;
    for (const auto& n : names) {
        auto c = category_from_name(n);
        if (!c) {
            std::string known;
            for (auto k : category_names) known += (known.empty() ? "" : ", ") + std::string(k);
            throw CannotCheck(fmt::format("{} '{}': no such category (categories: {})", option, n, known));
        }
        out.push_back(*c);
    }
    return out;
}

// --include, --exclude and --cjk on top of `rules`; they win over any programme's.
void apply_command_line(const CountRequest& a, CountRules& rules, CountRulesInForce* s = nullptr)
{
    for (auto c : parse_categories(a.include, "--include")) {
        rules.set(c, true);
        if (s) s->origin[static_cast<std::size_t>(c)] = "--include";
    }
    for (auto c : parse_categories(a.exclude, "--exclude")) {
        rules.set(c, false);
        if (s) s->origin[static_cast<std::size_t>(c)] = "--exclude";
    }
    if (!a.cjk.empty()) {
        rules.cjk = a.cjk == "none" ? CjkMode::none : CjkMode::characters;
        if (s) s->cjk_origin = "--cjk";
    }
}

// The rules in force, and the programme they came from (--programme), if any.
CountRulesInForce resolve_rules(const CountRequest& a, std::optional<Programme>& programme)
{
    CountRulesInForce s;
    s.origin.fill("default");
    if (!a.programme.empty()) {
        try {
            programme = load_programme(a.programme, "");
        } catch (const ProgrammeError& e) {
            throw CannotCheck(e.describe());
        }
        const Programme& p = *programme;
        const std::string label = "programme " + p.id;
        for (std::size_t i = 0; i < category_count; ++i)
            if (p.count_rules.counted.test(i) != s.rules.counted.test(i)) s.origin[i] = label;
        if (p.count_rules.cjk != s.rules.cjk) s.cjk_origin = label;
        s.rules = p.count_rules;
    }
    apply_command_line(a, s.rules, &s);
    return s;
}

// The programme's rules for `file` when they are not those in force.
std::optional<OwnCountRules> file_rules(const CountRequest& a, const Programme* programme, const CountRules& in_force,
                                        const std::string& file)
{
    if (!programme) return std::nullopt;
    const auto doc = document_rules(*programme, file);
    if (!doc) return std::nullopt;
    OwnCountRules out{file, doc->rules, doc->requirement + " (" + doc->title + ") of programme " + programme->id};
    apply_command_line(a, out.rules);
    if (out.rules == in_force) return std::nullopt;
    return out;
}

// Reads and counts one file ('-': `in`).
FileCount count_file(const std::string& f, const AnalyzeOptions& opt, std::istream& in)
{
    const std::string name = f == "-" ? "<stdin>" : f;
    auto fail = [&](const FsProblem& p) {
        return CannotCheck(fmt::format("{}{}: {}", name, p.line ? ":" + std::to_string(p.line) : "", p.message));
    };
    std::optional<FileCount> office;
    if (f != "-" && is_office_name(f)) {
        try {
            office = count_office_file(f, name, opt);
        } catch (const BadDocument& e) {
            throw BadDocument(name + ": " + e.what());
        } catch (const std::runtime_error& e) {
            throw CannotCheck(name + ": " + e.what());
        }
    }
    const auto markdown = [&]() -> MarkdownDoc {
        if (f == "-") {
            std::string text(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>{});
            if (auto bad = find_invalid_utf8(text)) throw fail(FsProblem{"encoding", "is not UTF-8 text", line_of_offset(text, *bad)});
            return analyze_markdown(std::move(text), opt);
        }
        // Mapped, not copied: a 75 MB file costs its size and no more.
        MappedText text = MappedText::open(f, std::uintmax_t{4} << 30);
        if (text.problem) throw fail(*text.problem);
        return analyze_markdown(text.data(), text.size(), opt);
    };
    FileCount c = office ? std::move(*office) : FileCount{name, std::make_shared<const MarkdownDoc>(markdown()), std::nullopt};
    if (c.doc->front.present) {
        auto fm = parse_yaml(c.doc->front.yaml, c.doc->front.first_line);
        if (fm.doc && fm.doc->value.is_object() && fm.doc->value.contains("declared_words"))
            if (auto d = declared_word_count(fm.doc->value["declared_words"])) c.declared = *d;
    }
    return c;
}

} // namespace

bool CountResult::has(CountProblem::Kind kind) const
{
    for (const auto& p : problems)
        if (p.kind == kind) return true;
    return false;
}

bool CountResult::within_limit() const
{
    if (!report.limit) return true;
    for (const auto& c : report.files)
        if (report.limit->describe(c.doc->totals.words(report.rules_for(c)))) return false;
    return true;
}

CountResult count_files(const CountRequest& request)
{
    CountResult out;
    std::optional<Programme> programme;
    out.in_force = resolve_rules(request, programme);
    CountReport& report = out.report;
    report.rules = out.in_force.rules;
    report.by_section = request.by_section;
    if (!request.limit.empty()) {
        report.limit = parse_word_limit(request.limit);
        if (!report.limit) throw CannotCheck("--limit '" + request.limit + "': write 1000~10%, 6000-6500, max:20000 or min:150");
    }
    // Each file's own rules, if any, found once for --rules and for the count.
    std::vector<std::optional<OwnCountRules>> own_rules;
    for (const auto& f : request.files) {
        own_rules.push_back(file_rules(request, programme ? &*programme : nullptr, report.rules, f));
        if (own_rules.back()) out.own_rules.push_back(*own_rules.back());
    }
    if (request.files.empty()) {
        if (request.rules) return out;
        throw CannotCheck("count: name at least one file ('-' for standard input)");
    }
    AnalyzeOptions opt;
    opt.structure = request.by_section;
    opt.cjk = report.rules.cjk;
    std::istream& in = request.standard_input ? *request.standard_input : std::cin;
    for (std::size_t i = 0; i < request.files.size(); ++i) {
        try {
            const auto& own = own_rules[i];
            AnalyzeOptions file_opt = opt;
            if (own) file_opt.cjk = own->rules.cjk;
            report.files.push_back(count_file(request.files[i], file_opt, in));
            if (own) {
                report.files.back().rules = own->rules;
                report.files.back().rules_from = own->from;
            }
        } catch (const BadDocument& e) {
            out.problems.push_back({CountProblem::Kind::bad_document, e.what()});
        } catch (const CannotCheck& e) {
            out.problems.push_back({CountProblem::Kind::unreadable, e.what()});
        }
    }
    return out;
}

} // namespace lilo
