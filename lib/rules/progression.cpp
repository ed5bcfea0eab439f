// The MPhil's progression to the PhD (mphil-elsi R3), from the marks in
// portfolio.yaml: a weighted mean against `min_mean`, and marks that must
// each reach a minimum (`min_marks`), combined with `all` or `any`. The
// arithmetic is shown, e.g.
//   (65 + 68 + 2×72) / 4 = 69.25 < 70: not met; thesis 72 ≥ 70: met
// Marks are compared exactly: each is taken to six decimal places and the
// comparison is made in integers, so 69.99, 70 and 70.01 fall where they
// should.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "rules/context.hpp"
#include "rules/kinds.hpp"

#include "scaffold/writer.hpp"

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params {
    nlohmann::json weights = nlohmann::json::object();   // mark → its weight (the schema's shape)
    double min_mean = 0;
    nlohmann::json min_marks = nlohmann::json::object(); // mark → its minimum
    std::string combine = "all";                          // or "any"
};

constexpr Field fields[] = {
    field<Params, &Params::weights>("weights", "each mark's weight in the mean (essay1, essay2, thesis)"),
    field<Params, &Params::min_mean>("min_mean", "the weighted mean needed"),
    field<Params, &Params::min_marks>("min_marks", "marks that must each reach a minimum"),
    field<Params, &Params::combine>("combine", "whether every condition must hold (`all`) or one of them (`any`)"),
};

constexpr KindCode codes[] = {
    {"not-met", "The progression rule is not met by the marks given.",
     "The arithmetic shows which condition fails; marks are the examiners' to change, not the candidate's."},
    {"marks-missing", "Progression cannot be decided: a mark is missing or not a number from 0 to 100.",
     "Give every mark under `marks:` in portfolio.yaml once it is known."},
};

} // namespace

namespace {

constexpr double scale = 1e6;

long long fixed(double v) { return std::llround(v * scale); }

// 72 → "72", 69.99 → "69.99", 2.5 → "2.5".
std::string number(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
}

// A condition's verdict: met, not met, or not known while a mark is missing.
enum class Verdict { met, not_met, unknown };

struct Marks {
    std::map<std::string, double> given;      // valid marks
    std::vector<std::string> missing;         // weighted or required, not given
    std::vector<std::string> invalid;         // given, but not a number from 0 to 100
};

Marks read_marks(CheckContext& ctx, const std::vector<std::string>& needed)
{
    Marks m;
    const auto& v = ctx.manifest.yaml.value;
    const nlohmann::json marks = v.is_object() && v.contains("marks") && v["marks"].is_object() ? v["marks"] : nlohmann::json::object();
    for (const auto& name : needed) {
        if (!marks.contains(name)) { m.missing.push_back(name); continue; }
        const auto& x = marks[name];
        if (!x.is_number() || !std::isfinite(x.get<double>()) || x.get<double>() < 0 || x.get<double>() > 100) {
            m.invalid.push_back(name);  // the schema check has said why, at its line
            continue;
        }
        m.given[name] = x.get<double>();
    }
    return m;
}

std::string list(const std::vector<std::string>& v)
{
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
    return out;
}

} // namespace

Outcome check_progression(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
    const auto& weights = p.weights;
    const auto& minimums = p.min_marks;
    const double min_mean = p.min_mean;
    const bool need_all = p.combine != "any";

    std::vector<std::string> needed;
    for (auto it = weights.begin(); it != weights.end(); ++it) needed.push_back(it.key());
    for (auto it = minimums.begin(); it != minimums.end(); ++it)
        if (!weights.contains(it.key())) needed.push_back(it.key());
    const Marks marks = read_marks(ctx, needed);

    std::vector<std::string> parts;
    std::vector<Verdict> outcomes;
    ProgressionResult result;

    // The weighted mean.
    {
        std::string terms;
        long double sum = 0; // millionths²: exact for weights up to 1,000 and marks up to 100
        long long wsum = 0;  // millionths
        double wtotal = 0;
        bool known = true;
        for (auto it = weights.begin(); it != weights.end(); ++it) {
            const double w = it->get<double>();
            wtotal += w;
            wsum += fixed(w);
            const auto m = marks.given.find(it.key());
            const std::string shown = m == marks.given.end() ? it.key() + " ?" : number(m->second);
            terms += (terms.empty() ? "" : " + ") + (fixed(w) == fixed(1) ? shown : number(w) + "×" + shown);
            if (m == marks.given.end()) known = false;
            else sum += static_cast<long double>(fixed(w)) * static_cast<long double>(fixed(m->second));
        }
        std::string part = "(" + terms + ") / " + number(wtotal);
        if (known && wsum > 0) {
            // mean ≥ min  ⇔  Σ w·m ≥ min · Σ w, all in millionths.
            const bool met = sum >= static_cast<long double>(fixed(min_mean)) * static_cast<long double>(wsum);
            const double mean = static_cast<double>(sum / static_cast<long double>(wsum) / scale);
            result.mean = mean;
            std::string shown = number(std::round(mean * 100) / 100);
            // Never show a rounded mean that seems to contradict the verdict (69.999 as 70).
            if ((fixed(std::round(mean * 100) / 100) >= fixed(min_mean)) != met) shown = number(mean);
            part += " = " + shown + (met ? " ≥ " : " < ") + number(min_mean) + (met ? ": met" : ": not met");
            outcomes.push_back(met ? Verdict::met : Verdict::not_met);
        } else {
            part += " ≥ " + number(min_mean) + ": not known yet";
            outcomes.push_back(Verdict::unknown);
        }
        parts.push_back(part);
    }
    // Marks with their own minimum.
    for (auto it = minimums.begin(); it != minimums.end(); ++it) {
        const double min = it->get<double>();
        const auto m = marks.given.find(it.key());
        if (m == marks.given.end()) {
            parts.push_back(it.key() + " ≥ " + number(min) + ": not known yet");
            outcomes.push_back(Verdict::unknown);
            continue;
        }
        const bool met = fixed(m->second) >= fixed(min);
        parts.push_back(it.key() + " " + number(m->second) + (met ? " ≥ " : " < ") + number(min) + (met ? ": met" : ": not met"));
        outcomes.push_back(met ? Verdict::met : Verdict::not_met);
    }
    for (const auto& part : parts) result.arithmetic += (result.arithmetic.empty() ? "" : "; ") + part;

    // all: met when every condition is; any: met when one is. A condition
    // not known yet leaves the outcome pending unless the others decide it.
    const auto has = [&](Verdict o) { return std::find(outcomes.begin(), outcomes.end(), o) != outcomes.end(); };
    if (need_all) result.status = has(Verdict::not_met) ? "unmet" : has(Verdict::unknown) ? "pending" : "met";
    else result.status = has(Verdict::met) ? "met" : has(Verdict::unknown) ? "pending" : "unmet";
    const std::string rule = need_all ? "every condition must hold" : "one condition is enough";

    if (result.status == "unmet") {
        ctx.error("not-met", "portfolio.yaml", ctx.manifest.line_of("/marks"), "progression not met: " + result.arithmetic + " (" + rule + ")");
    } else if (result.status == "pending") {
        std::vector<std::string> lacking = marks.missing;
        lacking.insert(lacking.end(), marks.invalid.begin(), marks.invalid.end());
        ctx.error("marks-missing", "portfolio.yaml", ctx.manifest.yaml.value.is_object() && ctx.manifest.yaml.value.contains("marks") ? ctx.manifest.line_of("/marks") : 0,
                  "progression is not decided yet: no valid mark for " + list(lacking) + " (`marks:` in portfolio.yaml); " + result.arithmetic);
    }
    const Outcome outcome = result.status == "met" ? Outcome::met : Outcome::unmet;
    ctx.report.progression = std::move(result);
    return outcome;
}

namespace {

// The marks a progression rule reads, commented out until they are known.
std::string manifest_part(const scaffold::Writer&, const RequirementSpec& r)
{
    std::vector<std::string> names;
    const Params& p = params_of<Params>(r);
    for (const nlohmann::json* o_ : {&p.weights, &p.min_marks}) {
        const auto& o = *o_;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (std::find(names.begin(), names.end(), it.key()) == names.end()) names.push_back(it.key());
    }
    if (names.empty()) return "";
    std::string y = "# " + r.id + " (" + r.title + "): your marks, 0 to 100, as the examiners return them.\n";
    y += "# Until every mark is here, lilo reports the progression as pending. Remove\n";
    y += "# the `#` of `marks:` and of each mark when you have it.\n";
    y += "# marks:\n";
    for (const auto& n : names) y += "#   " + yaml_scalar(n) + ": 0\n";
    return y;
}



} // namespace

extern const RequirementKind progression_kind;
const RequirementKind progression_kind{
    .name = "progression",
    .summary = "progression from the marks: a weighted mean and minimum marks, all or any",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_progression,
    .manifest_part = manifest_part,
};

} // namespace lilo
