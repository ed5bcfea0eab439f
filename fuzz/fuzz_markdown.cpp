// Markdown with front matter, read the way lilo reads every entry: UTF-8
// check, analysis with structure, front matter as YAML, word counts.
#include <cstddef>
#include <cstdint>
#include <string>

#include "markdown/document.hpp"
#include "text/utf8.hpp"
#include "yaml/yaml_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string text(reinterpret_cast<const char*>(data), size);
    if (lilo::find_invalid_utf8(text)) return 0; // lilo refuses such files before analysis
    for (const auto mode : {lilo::CjkMode::characters, lilo::CjkMode::none}) {
        lilo::AnalyzeOptions opt;
        opt.cjk = mode;
        const lilo::MarkdownDoc doc = lilo::analyze_markdown(text, opt);
        (void)doc.totals.words(lilo::CountRules::defaults());
        for (std::size_t h = 0; h < doc.headings.size(); ++h) (void)doc.section(h);
        if (doc.front.present) (void)lilo::parse_yaml(doc.front.yaml, doc.front.first_line);
    }
    return 0;
}
