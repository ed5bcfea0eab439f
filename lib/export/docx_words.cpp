#include "export/docx_words.hpp"
#include "text/word_style.hpp"

#include <cstdlib>
#include <stdexcept>
#include <zip.h>

#include "text/utf8.hpp"

namespace lilo {

namespace {

std::string read_entry(zip_t* z, const char* name)
{
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) != 0) return {};
    zip_file_t* f = zip_fopen(z, name, 0);
    if (!f) return {};
    std::string data(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (n < 0) return {};
    data.resize(static_cast<std::size_t>(n));
    return data;
}

std::string unescape(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') { out += s[i]; continue; }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos) { out += s[i]; continue; }
        const std::string_view e = s.substr(i + 1, semi - i - 1);
        if (e == "amp") out += '&';
        else if (e == "lt") out += '<';
        else if (e == "gt") out += '>';
        else if (e == "quot") out += '"';
        else if (e == "apos") out += '\'';
        else out += ' ';
        i = semi;
    }
    return out;
}

// Paragraph by paragraph: the text of its <w:t> runs (tabs and breaks as spaces), and its style.
template <class F>
void each_paragraph(std::string_view xml, F&& para)
{
    std::size_t pos = 0;
    int table_depth = 0;
    std::string text, style;
    while (pos < xml.size()) {
        const std::size_t lt = xml.find('<', pos);
        if (lt == std::string_view::npos) break;
        const std::size_t gt = xml.find('>', lt);
        if (gt == std::string_view::npos) break;
        const std::string_view tag = xml.substr(lt + 1, gt - lt - 1);
        auto name_is = [&](std::string_view n) { return tag.starts_with(n) && (tag.size() == n.size() || tag[n.size()] == ' ' || tag[n.size()] == '/'); };
        if (name_is("w:tbl")) ++table_depth;
        else if (name_is("/w:tbl")) --table_depth;
        else if (name_is("w:p")) { text.clear(); style.clear(); if (tag.ends_with("/")) para(std::string(), std::string(), table_depth > 0); }
        else if (name_is("/w:p")) para(text, style, table_depth > 0);
        else if (name_is("w:tab") || name_is("w:br") || name_is("w:cr")) text += ' ';
        else if (name_is("w:pStyle")) {
            const std::size_t v = tag.find("w:val=\"");
            if (v != std::string_view::npos) style = std::string(tag.substr(v + 7, tag.find('"', v + 7) - v - 7));
        } else if (name_is("w:t") && !tag.ends_with("/")) {
            const std::size_t close = xml.find("</w:t>", gt);
            if (close == std::string_view::npos) break;
            text += unescape(xml.substr(gt + 1, close - gt - 1));
            pos = close + 6;
            continue;
        }
        pos = gt + 1;
    }
}

} // namespace


DocxWords count_docx_words(const std::filesystem::path& docx)
{
    int err = 0;
    zip_t* z = zip_open(docx.c_str(), ZIP_RDONLY, &err);
    if (!z) throw std::runtime_error(docx.string() + ": not a .docx (cannot open it as a zip)");
    const std::string doc = read_entry(z, "word/document.xml");
    const std::string notes = read_entry(z, "word/footnotes.xml");
    zip_discard(z);
    if (doc.empty()) throw std::runtime_error(docx.string() + ": not a .docx (no word/document.xml)");
    DocxWords w;
    int appendix_level = 0; // the heading level of the appendix being read, 0 outside one
    each_paragraph(doc, [&](const std::string& text, const std::string& style, bool in_table) {
        const std::uint64_t n = word_style_count(text);
        w.total += n;
        const bool heading = style.starts_with("Heading") || style == "Title" || style == "Subtitle";
        if (heading) {
            const int level = style.starts_with("Heading") && style.size() > 7 ? std::atoi(style.c_str() + 7) : 1;
            if (appendix_level > 0 && level <= appendix_level) appendix_level = 0;
            std::string_view t = text;
            while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
            if (appendix_level == 0 && (t.starts_with("Appendix") || t.starts_with("Appendices") || t.starts_with("附錄")))
                appendix_level = level > 0 ? level : 1;
        }
        if (appendix_level > 0) w.appendices += n;
        else if (in_table) w.tables += n;
        else if (heading) w.headings += n;
        else if (style == "Bibliography") w.references += n;
    });
    each_paragraph(notes, [&](const std::string& text, const std::string&, bool) { w.footnotes += word_style_count(text); });
    w.total += w.footnotes;
    return w;
}

} // namespace lilo
