#pragma once
// Short tones for scan verdicts at the counter, through the Web Audio API: one high beep for
// accepted, two low ones for refused, so staff hear a failed scan without looking.
namespace madoguchi::client {

void play_scan_sound(bool accepted);

}  // namespace madoguchi::client
