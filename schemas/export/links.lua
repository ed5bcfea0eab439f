-- lilo export: a link to another file of the portfolio leads nowhere once
-- the portfolio is a .docx, an HTML page or a PDF; its text stays, as text.
-- Web addresses, e-mail addresses and links inside the document stay links.
function Link(el)
  local t = el.target
  if t:match("^%a[%w+.-]*://") or t:match("^mailto:") or t:match("^#") then
    return nil
  end
  return el.content
end
