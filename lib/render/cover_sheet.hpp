#pragma once
// The cover sheet and criteria map of a submission: who, what, and how the
// check came out. One model, two renderings: Markdown for pandoc (the
// exported portfolio file, every format) and self-contained HTML (the
// bundle's preview.html). Prints nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lilo {

struct CoverSheet {
    std::string candidate_name, candidate_id, candidate_number, centre_number;
    std::string programme_title, syllabus, component;
    std::string period;                 // "2025-09-01 to 2026-06-30"
    std::string mentor;                 // "Ho Chi Keung, Vice Principal"
    struct SignOff {
        bool present = false;
        std::string name, date;
        bool current = false;           // the signed fingerprint is the portfolio's
    } signoff;
    struct Requirement { std::string id, title; bool met = false; };
    std::vector<Requirement> requirements;
    struct Document {
        std::string title, file;
        std::uint64_t words = 0, min = 0;
        std::optional<std::uint64_t> max;
        bool within = false;
    };
    std::vector<Document> documents;
    struct Criterion {
        std::string id, title, status, section;   // section: the essay heading it is mapped to ("" when none)
        std::uint64_t words = 0;
        std::vector<std::string> evidence;         // portfolio-relative files the section links to
    };
    std::vector<Criterion> criteria;
    std::string status;                 // "complete" / "incomplete"
    std::string as_of, fingerprint, lilo_version;
};

// Pandoc Markdown: headings, pipe tables; evidence named as text.
std::string cover_sheet_markdown(const CoverSheet& sheet);

// One self-contained HTML page (inline CSS, no script, nothing fetched):
// the cover sheet and criteria map, each evidence file a link to
// `link_prefix + file` (the bag's `data/`), and `extra_links` (label, href)
// listed after it.
std::string cover_sheet_html(const CoverSheet& sheet, const std::string& link_prefix,
                             const std::vector<std::pair<std::string, std::string>>& extra_links);

} // namespace lilo
