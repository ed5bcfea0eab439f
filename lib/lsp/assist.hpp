#pragma once
// What lilo lsp answers about an open file: hover (a heading's count and
// criterion, a citation's entry, a diagnostic's explanation), code lenses
// (the essay's words against its band and each criterion section's against
// its minimum) and code actions (edits that put a finding right).
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/server.hpp"
#include "lsp/text_position.hpp"

namespace lilo::lsp {

// A Hover, or null when there is nothing to say at `pos`.
nlohmann::json hover(const OpenPortfolio& portfolio, const std::string& rel, Position pos);
// CodeLens[]: empty for any file but the essay.
nlohmann::json code_lenses(const OpenPortfolio& portfolio, const std::string& rel);
// CodeAction[] with WorkspaceEdits for `uri` (the file `rel`); `start`/`end`: the editor's range.
nlohmann::json code_actions(const OpenPortfolio& portfolio, const std::string& rel, const std::string& uri, Position start, Position end);

} // namespace lilo::lsp
