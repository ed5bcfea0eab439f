#include "scaffold/parts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace lilo::scaffold {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A YAML double-quoted scalar.
std::string yaml_quoted(std::string_view s)
{
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// Plain when it cannot be misread (as a number, a boolean, null, a comment,
// a mapping or flow syntax), double-quoted otherwise.
std::string yaml_scalar(std::string_view s)
{
    if (s.empty()) return "\"\"";
    const unsigned char first = static_cast<unsigned char>(s.front());
    bool plain = (std::isalpha(first) != 0 || first >= 0x80) && s.back() != ' ' && s.back() != ':';
    for (const char c : s)
        if (std::string_view("#:{}[],&*!|>'\"%@`\\").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20)
            plain = false;
    static const std::set<std::string> reserved = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"};
    if (reserved.count(lower(s))) plain = false;
    return plain ? std::string(s) : yaml_quoted(s);
}

// Heading text that renders as `s`: Markdown punctuation escaped.
std::string md_heading(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        if (std::string_view("\\`*_[]<>#&~!|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// Words wrapped into lines of at most `width` characters, each line after
// the first starting with `indent`.
std::string wrap(std::string_view text, std::size_t width, const std::string& indent, std::size_t first_used)
{
    std::string out;
    std::size_t used = first_used;
    bool line_start = true;
    // Words, a `code span` with spaces kept as one.
    std::vector<std::string> tokens;
    {
        std::istringstream in{std::string(text)};
        std::string w;
        bool open = false;
        while (in >> w) {
            if (open) tokens.back() += " " + w;
            else tokens.push_back(w);
            if (std::count(w.begin(), w.end(), '`') % 2 == 1) open = !open;
        }
    }
    for (const auto& w : tokens) {
        if (!line_start && used + 1 + w.size() > width) {
            out += "\n" + indent;
            used = indent.size();
            line_start = true;
        }
        if (!line_start) {
            out += ' ';
            ++used;
        }
        out += w;
        used += w.size();
        line_start = false;
    }
    return out;
}

// An HTML comment (not counted as words) holding these paragraphs.
std::string comment(const std::vector<std::string>& paragraphs)
{
    std::string out = "<!-- ";
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i > 0) out += "\n\n     ";
        out += wrap(paragraphs[i], 76, "     ", 5);
    }
    return out + " -->\n";
}

// Plain text wrapped at 76 columns, for README paragraphs.
std::string para(std::string_view text) { return wrap(text, 76, "") + "\n"; }

// A Markdown bullet, wrapped with a hanging indent.
std::string bullet(std::string_view text) { return "- " + wrap(text, 76, "  ", 2) + "\n"; }

// A YAML line with a comment at column 28.
std::string commented(const std::string& line, const std::string& note)
{
    return line + std::string(line.size() < 27 ? 27 - line.size() : 1, ' ') + "# " + note + "\n";
}

std::string plural(long n, const std::string& one, const std::string& many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string join(const std::vector<std::string>& items, const std::string& last)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? (items.size() > 2 ? ", " : " ") + last + " " : ", ";
        out += items[i];
    }
    return out;
}

std::string string_param(const nlohmann::json& p, const char* key, const std::string& fallback)
{
    if (p.is_object() && p.contains(key) && p[key].is_string()) return p[key].get<std::string>();
    return fallback;
}

// A folder as a portfolio-relative prefix: "journal" → "journal/", "." → "".
std::string folder_prefix(std::string folder)
{
    folder = fs::path(folder).lexically_normal().generic_string();
    while (folder.ends_with("/")) folder.pop_back();
    if (folder.empty() || folder == ".") return "";
    return folder + "/";
}

std::string parent_prefix(const std::string& rel)
{
    const auto slash = rel.rfind('/');
    return slash == std::string::npos ? "" : rel.substr(0, slash + 1);
}

// The path of portfolio-relative `target` as written in a file inside `from_dir` ("", "final/").
std::string relative_from(const std::string& from_dir, const std::string& target)
{
    if (from_dir.empty()) return target;
    return fs::path(target).lexically_relative(fs::path(from_dir)).generic_string();
}

// A section list entry of a programme: a name, or alternatives ([Notes, Transcript]).
std::vector<std::string> alternatives(const nlohmann::json& s)
{
    std::vector<std::string> out;
    if (s.is_string()) out.push_back(s.get<std::string>());
    else if (s.is_array())
        for (const auto& x : s)
            if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

// ---------------------------------------------------------------- guidance


constexpr CriterionGuide criterion_guides[] = {
    {"C1", "Successful leadership in one's own context",
     "Set out what you now understand from international theory, definitions and research on successful leadership, and apply "
     "it critically to your own school and role: show how context shapes what a leader can and should do.",
     "points"},
    {"C2", "The interview with an experienced leader",
     "Describe how your understanding of successful leadership shaped the research interview you planned and held with an "
     "experienced leader in your local context: why these questions, what you learned, what you would ask differently.",
     "points"},
    {"C3", "Features, strategies and skills of successful leadership; development priorities",
     "Evaluate the key features, strategies and skills of successful leadership at different levels, analyse your own role "
     "against them, and name your priorities for professional development.",
     "priorities"},
    {"C4", "Leadership that improves teaching and learning",
     "Show which features of educational leadership improve teaching and learning, and evaluate the strategies and skills "
     "needed to raise their quality in your context and role.",
     "points"},
    {"C5", "Planning, implementing and evaluating an initiative",
     "Tell how you planned, carried out and evaluated an initiative to improve teaching and learning in your area (your "
     "Innovation Development Project), and judge its impact on teaching and learning and on your own leadership.",
     "points"},
    {"C6", "The literature on leading change and school improvement",
     "Review the academic literature on leading and managing change and school improvement critically, and draw out what it "
     "means for leaders and for their development.",
     "points"},
    {"C7", "Why staff development matters",
     "Explain why staff development matters for the quality of teaching and learning, for school improvement and for change.",
     "points"},
    {"C8", "How to develop staff; which forms work",
     "Show how staff are developed in schools and other settings, and which forms of staff development work best and make a "
     "difference to learning.",
     "forms of staff development"},
    {"C9", "The e-portfolio presentation in Virtual Consultancy",
     "Describe how you built the electronic portfolio for the Virtual Consultancy course (an evaluation of your leadership role "
     "with a development strategy built on selected practices of successful leadership) and presented it to different audiences.",
     "points"},
    {"C10", "From the presentation's outcomes to a short-term development plan",
     "Evaluate what came out of the presentation (in Virtual Consultancy or the Organizational Learning Field Study) and turn it "
     "into a short-term plan for developing your role to improve specific outcomes in your area.",
     "actions"},
};

const CriterionGuide* guide_for(const CriterionSpec& c)
{
    for (const auto& g : criterion_guides)
        if (c.id == g.id && c.title == g.title) return &g;
    return nullptr;
}


const std::vector<ModelGuide>& model_guides()
{
    static const std::vector<ModelGuide> guides = {
        {"gibbs", "Gibbs's reflective cycle",
         {{"description", "What happened? Where, when, who was involved, and what was your part?"},
          {"feelings", "What were you thinking and feeling at the time, and afterwards?"},
          {"evaluation", "What went well, and what did not?"},
          {"analysis", "Why did it go that way? Bring in your reading and what others saw."},
          {"conclusion", "What have you learned? What else could you have done?"},
          {"action plan", "What will you do next time, and by when?"}}},
        {"rolfe", "Rolfe's reflective framework",
         {{"what?", "Describe the situation: what happened, and what you did."},
          {"so what?", "What does it mean for you, your colleagues and your students? What does theory suggest?"},
          {"now what?", "What will you do now, and what might follow from it?"}}},
        {"kolb", "Kolb's experiential learning cycle",
         {{"concrete experience", "The experience itself: what you did and saw."},
          {"reflective observation", "Looking back: what did you notice, from more than one point of view?"},
          {"abstract conceptualisation", "What idea or theory makes sense of it? What have you learned?"},
          {"active experimentation", "How will you try the idea out in practice next?"}}},
        {"brookfield", "Brookfield's four lenses",
         {{"autobiographical", "Your own experience as a learner and a leader, and how it shapes your view."},
          {"students", "What students said and did; how it looked to them."},
          {"colleagues", "What colleagues saw and told you."},
          {"theory", "What research and reading say about it."}}},
    };
    return guides;
}

const ModelGuide* model_guide(const std::string& model)
{
    for (const auto& g : model_guides())
        if (lower(model) == g.model) return &g;
    return nullptr;
}

std::string project_prompt(const std::string& section)
{
    static const std::map<std::string, std::string> prompts = {
        {"rationale", "Why this initiative? The need in your school and the evidence for it (a baseline), and what research "
                      "suggests about it."},
        {"plan", "What you planned: aims, who took part, the timeline, and how you would judge the impact."},
        {"implementation", "What you did and what happened: what you changed on the way, and what got in the way."},
        {"evaluation", "What changed in teaching and learning, with the evidence; what did not; and what the project taught "
                       "you about your own leadership."},
    };
    const auto it = prompts.find(lower(section));
    return it == prompts.end() ? "Write this section of the project." : it->second;
}

std::string interview_prompt(const std::string& section)
{
    static const std::map<std::string, std::string> prompts = {
        {"purpose", "What you wanted to learn, and how your reading shaped the questions."},
        {"notes", "What was said, written up soon after the interview."},
        {"transcript", "What was said, written up soon after the interview."},
        {"reflection", "What you learned, and what you would ask differently."},
    };
    const auto it = prompts.find(lower(section));
    return it == prompts.end() ? "" : it->second;
}

} // namespace lilo::scaffold
