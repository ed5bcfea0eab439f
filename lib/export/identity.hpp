#pragma once
// What Cambridge names submitted files by: the centre number and candidate
// number (or UCI) from portfolio.yaml, the syllabus and component codes from
// the programme file. File names follow Cambridge's convention
// `centre_candidate_syllabus_component.ext`; nothing is ever named with a
// placeholder: a missing or malformed code is a `P.export-identity`
// diagnostic at its line instead.
#include <optional>
#include <string>
#include <vector>

#include "core/report.hpp"
#include "programme/programme.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo {

// One document the programme names (the essay, a module's assignment, an
// MPhil essay or the thesis), as it is submitted.
struct SubmittedDocument {
    std::string requirement;  // "R6"
    std::string title;        // "Final reflective piece", "Module 2", "Essay 1"
    std::string file;         // portfolio-relative Markdown file
    std::string component;    // "01"
};

struct SubmissionIdentity {
    std::string centre;       // centre.number
    std::string candidate;    // candidate.number, else candidate.uci
    std::string syllabus;     // the programme's submission.syllabus
    std::string component;    // the programme's submission.component: the portfolio as a whole
    std::vector<SubmittedDocument> documents;
    std::vector<Diagnostic> problems;   // P.export-identity; empty when every code is there

    // "HK123_0117_6247_01"
    std::string stem(const std::string& component_code) const;
};

// `manifest` is portfolio.yaml as read; `report` the check's findings as
// `to_json` gives them (the essay and the documents it counted); `programme`
// gives the codes.
SubmissionIdentity submission_identity(const YamlDoc& manifest, const Programme& programme, const nlohmann::json& report);

// Whether a code can stand in a file name: letters, digits and '-' only, at most 32.
bool valid_code(const std::string& code);

} // namespace lilo
