#pragma once
// What `lilo batch` and `lilo report merge` write: the text matrix on
// standard output, and --csv, --jsonl and --html files, each written whole
// to a temporary file beside it and renamed, so that a file is complete or
// absent. Reports arrive one at a time, in order; each is read into one
// row (render/cohort_row.hpp) holding only what the outputs asked for need.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "render/cohort_table.hpp"

namespace lilo::app {

struct CohortOutputArgs {
    std::string csv, jsonl, html;
    bool quiet = false;   // no matrix on standard output
    std::string colour = "auto";  // --color: auto, always, never (as lilo check)
};

void add_cohort_output_options(CLI::App& sub, CohortOutputArgs& args);

class CohortWriter {
public:
    explicit CohortWriter(const CohortOutputArgs& args);
    ~CohortWriter();
    CohortWriter(const CohortWriter&) = delete;
    CohortWriter& operator=(const CohortWriter&) = delete;

    void add(const nlohmann::json& report);
    // Writes the files and prints the matrix; returns the exit code: 0 when
    // every portfolio is complete, 2 when none could be checked (every entry
    // skipped or an error), else 1.
    int finish(const std::string& as_of);

private:
    CohortOutputArgs m_args;
    CohortRowOptions m_parts;               // what the rows keep
    std::vector<CohortRow> m_rows;          // for the matrix, --csv and --html
    bool m_all_complete = true;             // of every entry
    std::size_t m_checked = 0;              // entries complete or incomplete
    std::map<std::string, std::size_t> m_dates;  // as_of of each checked entry
    std::FILE* m_jsonl = nullptr;
    std::string m_jsonl_partial;
};

} // namespace lilo::app
