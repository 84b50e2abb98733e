-- Drives Neovim's built-in LSP client (0.7: vim.lsp.start_client) against `verbatim lsp --stdio`:
-- opens the draft, waits for a complete check (the server's verbatim/checked notification with
-- no partial index), hovers the first misattributed quote, writes what the editor holds as JSON
-- to $VERBATIM_OUT and quits. Run by test/unit/neovim.test.ts; asserts nothing itself.
local root = os.getenv("VERBATIM_ROOT")
local ws = os.getenv("VERBATIM_WS")
local draft = os.getenv("VERBATIM_DRAFT")
local out = os.getenv("VERBATIM_OUT")
local checked = false
vim.cmd("filetype on") -- -u NONE leaves file type detection off: the server needs languageId "markdown"
local result = { diagnostics = {}, hover = nil, error = nil }

local function finish()
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local id = vim.lsp.start_client({
  name = "verbatim",
  cmd = { "node", root .. "/dist/cli.js", "lsp", "--stdio" },
  root_dir = ws,
  handlers = {
    ["verbatim/checked"] = function(_, params)
      if params and params.draft and params.partial == nil then checked = true end
    end,
  },
})
if not id then
  result.error = "the client did not start"
  finish()
end
vim.cmd("edit " .. vim.fn.fnameescape(draft))
vim.lsp.buf_attach_client(0, id)

if not vim.wait(60000, function() return checked and #vim.diagnostic.get(0) > 0 end, 50) then
  result.error = "no complete check within 60 s"
  finish()
end
-- The diagnostics arrive with the check's notification; give them a moment to be applied.
vim.wait(500, function() return false end, 50)

for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(result.diagnostics, {
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    severity = d.severity,
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    message = d.message,
  })
end
table.sort(result.diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)

local target = nil
for _, d in ipairs(result.diagnostics) do
  if d.code == "misattributed" then target = d break end
end
if target then
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = target.lnum, character = target.col + 2 } }
  local answers = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000)
  for _, a in pairs(answers or {}) do
    if a.result and a.result.contents then
      local c = a.result.contents
      result.hover = type(c) == "table" and (c.value or vim.fn.json_encode(c)) or c
    end
  end
end
finish()
