-- Neovim's own LSP client runs lilo lsp on an essay, as a candidate's
-- editor would, and writes down what it shows.
--   LILO=… ESSAY=… ORIGINAL=… OUT=… nvim --headless -u NONE --clean -l? (see test_nvim.sh)
-- Neovim 0.7 (Debian 12) has vim.lsp.start_client; 0.8 and later also vim.lsp.start.
local lilo, essay, original, out = os.getenv("LILO"), os.getenv("ESSAY"), os.getenv("ORIGINAL"), os.getenv("OUT")
local log = {}
local function say(line) table.insert(log, line) end
local function finish()
  vim.fn.writefile(log, out)
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(essay))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = "lilo",
  cmd = { lilo, "lsp" },
  root_dir = vim.fn.fnamemodify(essay, ":h"),
})
if not client then say("no client") finish() return end
vim.lsp.buf_attach_client(buf, client)

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
end
local function shown()
  local got = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(got, d) end
  return got
end
local function has(code)
  for _, d in ipairs(shown()) do if code_of(d) == code then return d end end
  return nil
end

if vim.wait(30000, function() return has("C7.words") ~= nil end, 50) then
  local d = has("C7.words")
  say(string.format("open: %s at line %d col %d: %s", code_of(d), d.lnum, d.col, d.message))
else
  say("open: no C7.words within 30 s (" .. #shown() .. " diagnostics)")
end

-- The candidate writes the section out again: the warning goes.
vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.fn.readfile(original))
if vim.wait(30000, function() return has("C7.words") == nil end, 50) then
  say("edit: C7.words gone, " .. #shown() .. " diagnostics")
else
  say("edit: C7.words still shown")
end

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
finish()
