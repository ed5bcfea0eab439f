#pragma once
// The facts of a cover sheet, gathered from a check's report (as to_json
// gives it), portfolio.yaml, signoff.yaml and the essay's criteria mapping.
// Shared by `lilo export` (the portfolio file's first page) and `lilo
// bundle` (preview.html). Prints nothing.
#include <filesystem>

#include "export/identity.hpp"
#include "render/cover_sheet.hpp"

namespace lilo {

class PortfolioFs;

// `identity` may be null (a bundle of a portfolio without submission codes).
CoverSheet gather_cover_sheet(const PortfolioFs& files, const nlohmann::json& report, const YamlDoc& manifest,
                              const SubmissionIdentity* identity, std::string_view lilo_version);

struct Report;
struct CheckOptions;
// The same for a portfolio folder just checked (lilo bundle's preview.html):
// reads portfolio.yaml and the programme itself; the submission codes when
// they are all there.
CoverSheet cover_sheet_of(const std::filesystem::path& root, const Report& report, const CheckOptions& check, std::string_view lilo_version);

} // namespace lilo
