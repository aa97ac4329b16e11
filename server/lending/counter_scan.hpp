#pragma once
// The counter's verdict on one scanned asset tag, before anything changes: whether the device
// may be handed to the person (or taken back from them) now, or why not, as a catalog key
// "lending.counter.refusal.<reason>" the kiosk shows in words, with sound and colour. The
// handover and return routes ask the same question of every tag they are given.
#include <optional>
#include <string>

#include "calendar/civil_date.hpp"
#include "lending/counter_store.hpp"

namespace madoguchi::server::lending {

enum class ScanMode { handover, return_device };

std::optional<ScanMode> parse_scan_mode(std::string_view name);  // "handover", "return"

struct ScanVerdict {
    // Empty when accepted; otherwise "lending.counter.refusal.<reason>": not_this_person,
    // not_started (the loan starts later), not_ready (its kitting is open), wrong_state (the
    // ledger has the device elsewhere, e.g. still in re-kitting or repair),
    // already_handed_over, not_on_loan.
    std::string refusal;
    // The loan the scan is about: for a handover the person's request the device waits for,
    // for a return the loan it is out on.
    std::optional<CounterAllocation> loan;
};

// `request_id` narrows a handover to one of the person's requests.
ScanVerdict handover_verdict(const CounterDevice& device, const std::string& login, const calendar::Date& today,
                             std::optional<std::int64_t> request_id = std::nullopt);
// `login` empty: a device back by post, whoever borrowed it.
ScanVerdict return_verdict(const CounterDevice& device, const std::string& login);

}  // namespace madoguchi::server::lending
