#pragma once
// What a requirement kind's scaffold writes into (lib/rules/<kind>.cpp):
// the files of the new portfolio, and the pieces that several kinds' files
// share (a word-limited document, the command that counts it). Internal to
// lilo init and the kinds.
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "programme/programme.hpp"
#include "scaffold/parts.hpp"
#include "scaffold/scaffold.hpp"

namespace lilo::scaffold {

class Writer {
public:
    Writer(const Programme& programme_, std::string manifest_ref_, Date today_)
        : programme(programme_), manifest_ref(std::move(manifest_ref_)), today(today_) {}

    const Programme& programme;
    const std::string manifest_ref;   // how portfolio.yaml names the programme
    const Date today;

    // Adds a file (a path already added keeps its first content).
    void add(const std::string& path, std::string content);
    bool has(const std::string& path) const;
    // A document whose bibliography is the shared references.yaml.
    void cites(const std::string& rel) { m_citing.push_back(rel); }
    const std::vector<std::string>& citing() const { return m_citing; }
    // A pattern for .liloignore: kept out of the submission bundle.
    void ignore(const std::string& pattern) { m_ignored.push_back(pattern); }
    const std::vector<std::string>& ignored() const { return m_ignored; }

    // The command that counts a document as lilo check does: with the
    // programme named when the requirement has word-count rules of its own
    // (the thesis), which lilo count applies only then.
    std::string count_command(const RequirementSpec& r, const std::string& rel) const;

    // A word-limited document: front matter, what lilo checks, and its headings.
    void document(const std::string& rel, const RequirementSpec& r, const std::string& what, const std::string& extra,
                  const std::vector<std::pair<std::string, std::string>>& sections);

    std::vector<ScaffoldFile> take() { return std::move(m_files); }

private:
    std::vector<ScaffoldFile> m_files;
    std::vector<std::string> m_citing;
    std::vector<std::string> m_ignored;
};

// What counts towards a document's limit under `rules`, in words.
std::string counting_note(const CountRules& rules);

// 0.05 → "5%".
std::string percent(double fraction);

} // namespace lilo::scaffold
