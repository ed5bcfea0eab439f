#pragma once
// Dated records: journal entries, meeting records and interviews share how
// they are found, dated (front matter `date`, else a YYYY-MM-DD file-name
// prefix) and measured.
#include <optional>
#include <string>
#include <vector>

#include "rules/context.hpp"
#include "rules/kinds.hpp"

namespace lilo {

struct DatedRecord {
    std::string rel;
    const MarkdownFile* file = nullptr;
    std::optional<Date> date;
    int date_line = 1;             // where the date was given (1 for a file name)
    std::uint64_t words = 0;
};

// Resolves a record folder and lists its entries. Reports a folder that is
// missing (`missing_slug`) or leads outside, and entries that cannot be read.
// Returns nullopt when the folder itself is unusable.
std::optional<std::vector<DatedRecord>> read_records(CheckContext& ctx, const std::string& folder, const std::string& missing_slug,
                                                     const std::string& what);

// Dates a record; reports `<slug>` "undated" (or a date that does not exist).
void date_record(CheckContext& ctx, DatedRecord& r, const std::string& undated_slug);

// The parameters of every kind whose records are dated: its Params derives
// from this, and its fields list field_max_backdate_days<Params> and
// field_backdated<Params>.
struct BackdateParams {
    long max_backdate_days = 14;
    std::string backdated = "warning";  // or "error"
};
template <class P>
inline constexpr Field field_max_backdate_days = field<P, &P::max_backdate_days>(
    "max_backdate_days", "in a git work tree, how many days a record's stated date may lie before the commit that first added it");
template <class P>
inline constexpr Field field_backdated =
    field<P, &P::backdated>("backdated", "whether a backdated record is a `warning` or an `error`");

// `backdated` (a warning, or an error where the requirement says
// `backdated: error`): the record's stated date lies more than
// `max_backdate_days` before the commit that first added it.
void check_backdated(CheckContext& ctx, const DatedRecord& r, const BackdateParams& params);

// The portfolio-relative folder for a setting, resolved and confined; reports problems.
// `manifest_pointer`: where portfolio.yaml sets the path ("/essay"), if it does.
std::optional<std::string> resolve_setting(CheckContext& ctx, const std::string& path, const std::string& manifest_pointer = "");

// The codes of every kind whose records are dated.
inline constexpr KindCode code_undated{"undated", "A record has no date, or a date that does not exist.",
                                       "Give `date: YYYY-MM-DD` in its front matter or start its file name with the date."};
inline constexpr KindCode code_backdated{"backdated", "A record's stated date lies long before the commit that first added it.",
                                         "Date a record when it is written; if the date is right, say in the record why it was committed late."};

} // namespace lilo

namespace lilo {

// A link or path written in a Markdown file, resolved relative to that file.
struct LocalTarget {
    bool local = false;              // false for URLs, mailto: and #anchors
    std::string rel;                 // portfolio-relative, when local
    std::optional<FsProblem> problem;
    bool exists = false;
};
LocalTarget resolve_local(const CheckContext& ctx, const std::string& from_file, const std::string& target);

} // namespace lilo
