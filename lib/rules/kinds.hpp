#pragma once
// The registry of requirement kinds. A programme selects kinds by name and
// gives them parameters. Everything about a kind is in its own file under
// lib/rules/: its parameters and their defaults, its check, its diagnostic
// codes with what they mean, what `lilo init` writes for it, and which of its
// files `lilo count` counts by its rules. Adding a kind is that file and one
// line in kinds.cpp's list (DEVELOPERS.md, "Adding a requirement kind").
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "programme/programme.hpp"
#include "rules/params.hpp"

namespace lilo {

struct Manifest;     // portfolio/manifest.hpp
class CheckContext;  // rules/context.hpp: what a check sees (kinds' own files include it)

// A kind's verdict on a requirement.
enum class Outcome { met, unmet };
namespace scaffold { class Writer; }

// A diagnostic a kind emits, "<Rn>.<slug>", and what `lilo explain` says of it.
struct KindCode {
    std::string_view slug;
    std::string_view meaning;
    std::string_view fix;
};

// The headings a file of a requirement needs, each with its alternatives,
// and the words each section needs where the kind counts sections' words.
struct FileHeadings {
    Headings headings;
    std::optional<long> min_section_words;
};

struct RequirementKind {
    std::string_view name;
    std::string_view summary;
    // Its parameters (rules/params.hpp): their struct, defaults and meanings.
    KindParams params;
    std::span<const KindCode> codes;
    // Checks the current requirement (ctx.requirement) and says whether it is
    // met. A requirement with an error is never met (check.cpp holds a kind
    // to that), and a kind says unmet only with an error that says why.
    Outcome (*check)(CheckContext&);
    // What the schema cannot check of its parameters (null: nothing), as the programme loads.
    std::optional<ParamProblem> (*validate)(const std::any& parsed) = nullptr;
    // What `lilo init` writes for a requirement of the kind (null: nothing).
    void (*scaffold)(scaffold::Writer&, const RequirementSpec&) = nullptr;
    // The kind's part of a new portfolio.yaml (the mentor, the courses, the
    // marks), for the first requirement of the kind (null: none).
    std::string (*manifest_part)(const scaffold::Writer&, const RequirementSpec&) = nullptr;
    // The documents the kind counts, portfolio-relative, before portfolio.yaml
    // moves them: `lilo count` counts these by the requirement's rules.
    std::vector<std::string> (*documents)(const RequirementSpec&) = nullptr;
    // The files of the candidate's own prose it holds in this portfolio, where
    // a private interviewee must not be named (null: none).
    std::vector<std::string> (*own_writing)(const CheckContext&, const RequirementSpec&) = nullptr;
    // portfolio.yaml's key that moves its place: its `path` parameter, a file
    // (`essay:` moves essay.md), or its `folder` parameter (`journal:` moves
    // journal/); empty: none. A criterion's `links_to` and the editor follow it.
    std::string_view moved_by = {};
    // The headings a Markdown file of the requirement needs (`meta`: the
    // file's front matter), for the editor's hover and quick fixes (null: none).
    FileHeadings (*required_headings)(const RequirementSpec&, const nlohmann::json& meta) = nullptr;
    // lilo serve: what the live page draws the kind's dated entries against,
    // as a timeline (the journal's gaps and counts); null: it keeps none.
    nlohmann::json (*timeline)(const RequirementSpec&) = nullptr;
    // Capabilities the rest of lilo asks about instead of comparing names.
    bool dated_records = false;      // its records' dates are held against the git history
    bool addresses_criteria = false; // it evaluates the programme's criteria (C1…)
    bool signed_off = false;         // a mentor reviews the portfolio and signs it off
    bool portfolio_component = false; // lilo export: its document has the portfolio's component code unless it gives one

    std::vector<KindParam> parameters() const { return params.describe(); }
    bool takes(std::string_view param) const;
    const KindCode* code(std::string_view slug) const;
};

std::span<const RequirementKind* const> requirement_kinds();

// Where a requirement's file or folder is in a portfolio, for a kind that
// portfolio.yaml can move (`moved_by`): that setting (manifest may be null),
// else the `path` or `folder` parameter. Null for a kind it cannot move.
struct RequirementPlace {
    std::string path;     // portfolio-relative, as written
    bool folder = false;
};
std::optional<RequirementPlace> requirement_place(const RequirementSpec& requirement, const Manifest* manifest);
const RequirementKind* find_kind(std::string_view name);
// The kind of a requirement; throws std::logic_error for one the registry lacks
// (a programme cannot load with an unknown kind).
const RequirementKind& kind_of(const RequirementSpec& requirement);

// The kind's parameters of a requirement, as the programme loaded them
// (std::bad_any_cast for another kind's struct): what a kind's own file reads.
template <class P>
const P& params_of(const RequirementSpec& requirement)
{
    return std::any_cast<const P&>(requirement.parsed);
}

// A requirement's parameter by name, for code that serves every kind (the
// programme's value, else the kind's default; from the same parsed struct).
// The parameter must be one the kind takes (std::logic_error otherwise).
nlohmann::json param_value(const RequirementSpec& requirement, std::string_view name);
bool param_given(const RequirementSpec& requirement, std::string_view name); // a value, given or by default
double param_number(const RequirementSpec& requirement, std::string_view name);
long param_count(const RequirementSpec& requirement, std::string_view name);
std::string param_text(const RequirementSpec& requirement, std::string_view name);
std::vector<std::string> param_texts(const RequirementSpec& requirement, std::string_view name);
Headings param_headings(const RequirementSpec& requirement, std::string_view name);

// Parses each requirement's parameters into its kind's struct (as the
// programme loads). Throws ParamError for a kind lilo lacks or a problem the
// kind's `validate` finds.
struct ParamError {
    std::string requirement;          // "R7"
    std::vector<std::string> params;  // empty for the kind itself
    std::string message;
};
void parse_requirement_params(RequirementSpec& requirement);

} // namespace lilo
