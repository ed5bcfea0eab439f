#pragma once
// lilo explain: what a requirement, criterion or diagnostic code means, what
// lilo checks, the parameters in force and where each comes from, and how to
// put it right. Returns text; prints nothing.
#include <optional>
#include <string>
#include <vector>

#include "core/report.hpp"
#include "programme/programme.hpp"
#include "rules/kinds.hpp"

namespace lilo {

// `id`: "R2", "C6" or a code such as "R2.gap" or "P.encoding". `report`, when
// given, is the current folder's check, for a status line.
// Returns nullopt for an id the programme does not know.
std::optional<std::string> explain(const Programme& programme, const std::string& id, const Report* report);

// Every id and code `explain` answers for the programme, for completion.
std::vector<std::string> explain_ids(const Programme& programme);

// Every requirement and criterion with a one-line status (or none without a report).
std::string explain_overview(const Programme& programme, const Report* report);

// What a criterion's code ("C6.citations" → "citations") and a code of the
// portfolio's form ("P.encoding" → "encoding") mean; a requirement's codes are
// its kind's (RequirementKind::code). Null for a code lilo never emits.
const KindCode* criterion_code(std::string_view slug);
const KindCode* portfolio_code(std::string_view slug);
std::span<const KindCode> portfolio_codes_table();

} // namespace lilo
