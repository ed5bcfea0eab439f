#pragma once
// .liloignore: gitignore patterns (comments, negation, anchoring, `**`,
// folder-only patterns) that keep files out of a bundle.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lilo {

class IgnoreRules {
public:
    // Adds the lines of a .liloignore file.
    void add_lines(std::string_view text, const std::string& source = ".liloignore");

    struct Match {
        bool ignored = false;
        std::string pattern;  // the deciding line's pattern
        int line = 0;         // its line number
    };
    // `rel` is '/'-separated and relative to the portfolio.
    Match match(std::string_view rel, bool is_dir) const;

private:
    struct Pattern {
        std::string glob;
        bool negate = false;
        bool dir_only = false;
        bool anchored = false;
        int line = 0;
        std::string text;
    };
    std::vector<Pattern> m_patterns;
};

// gitignore-style glob: `*` and `?` stay within one path component, `[…]`
// classes, `**` across components.
bool glob_match(std::string_view pattern, std::string_view path);

// Editor and system debris never bundled: *~, .#*, #*#, *.swp, *.swo, .DS_Store, Thumbs.db.
bool is_editor_debris(std::string_view name);

} // namespace lilo
