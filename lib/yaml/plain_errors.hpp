#pragma once
// yaml-cpp's syntax errors ("illegal map value", "end of map not found") in
// the words of the person who wrote the file: what is wrong at the line, and
// what to write instead. Looks at the text around the error, because the
// parser's message names its own state, not the mistake (a tab used for
// indentation, a value holding ': ' that needs quotes, a line indented out of
// step).
#include <string>
#include <string_view>

#include "yaml/yaml_json.hpp"

namespace lilo {

// `line` and `column` are the parser's, 0-based within `text` (line < 0 when
// it gave none); the result's mark is 1-based, offset by `first_line`.
YamlProblem plain_syntax_error(std::string_view text, std::string_view parser_message, int line, int column, int first_line);

} // namespace lilo
