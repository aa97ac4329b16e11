#pragma once
// This terminal's setup, kept in the browser: `?kiosk=1` (and `?idle=SECONDS`) in the address
// turns a counter PC into a kiosk once, and it stays one on later visits; `?kiosk=0` undoes it.
// `?counter=ID` names the ledger location of the counter it stands at, kept the same way.
#include "app/app.hpp"

namespace madoguchi::client {

TerminalSettings load_terminal_settings();
// Keeps the counter chosen on the counter screen for the next start (the address still wins).
void remember_terminal_settings(const TerminalSettings& settings);

}  // namespace madoguchi::client
