// The word-count test vectors (tests/wordcount/vectors.yaml): every rule of
// spec §4 and its edges, each with its expected count and category breakdown.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "markdown/document.hpp"

using namespace lilo;

TEST_CASE("word-count vectors")
{
    const YAML::Node vectors = YAML::LoadFile(LILO_SOURCE_DIR "/tests/wordcount/vectors.yaml");
    REQUIRE(vectors.IsSequence());
    CHECK(vectors.size() >= 80);
    const CountRules rules = CountRules::defaults();
    for (const auto& v : vectors) {
        const std::string id = v["id"].as<std::string>();
        const MarkdownDoc doc = analyze_markdown(v["md"].as<std::string>());
        const YAML::Node expect = v["expect"];
        INFO("vector " << id << " (" << v["rule"].as<std::string>() << ")");
        CHECK_MESSAGE(doc.totals.words(rules) == expect["words"].as<std::uint64_t>(0), "words");
        CHECK_MESSAGE(doc.totals.cjk(rules) == expect["cjk"].as<std::uint64_t>(0), "cjk");
        for (std::size_t i = 0; i < category_count; ++i) {
            const std::string name(category_names[i]);
            CHECK_MESSAGE(doc.totals.by[i].words == expect[name].as<std::uint64_t>(0), name);
        }
    }
}
