#pragma once
// One visit at the lending counter (窓口): the person's staff card is scanned first, then the
// devices they collect or bring back. A code the counter can judge alone (a misread, a tag
// before the card) gets its verdict at once; everything else is the server's verdict
// (server/lending/counter_routes.hpp): who holds the card and what is ready for them, whether a
// tag may go out to them or come back from them. Each verdict is shown in colour with a sound.
// Tags accepted for handover wait in a basket until the operator confirms, which answers the
// receipt; a tag accepted for return opens its inspection (OK, damaged with a note, missing
// accessories) before the return is confirmed. A counter left alone goes back to its start
// screen after an idle time on the wall clock, dropping whatever the visit held, and answers
// that arrive for a visit already over are ignored.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_client.hpp"
#include "counter/counter_records.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct ScanVerdict {
    bool accepted = false;
    std::string message_key;  // catalog key of what to show
    std::string code;         // the code as read (normalised)
    std::string fallback_ja;  // the server's own words, when its answer has no catalog key
    std::string fallback_en;
    std::chrono::system_clock::time_point shown_until;
};

// The verdict's message in the language (without the code).
std::string verdict_text(const ScanVerdict& verdict, i18n::Language language);

// 返却時の検品 of one device, filled in by the operator before the return is confirmed.
struct ReturnInspection {
    enum class Choice { ok, damaged, missing_accessory };
    std::string asset_tag;
    std::string class_code;
    std::int64_t request_id = 0;
    std::string request_number;
    Choice choice = Choice::ok;
    std::string note;  // what is damaged (required when damaged)
    // What went out with the loan (the class's standard accessories, the device's own and
    // those the request asked for, as the server's verdict lists them), each with whether it
    // is missing.
    std::vector<std::string> accessories;
    std::vector<bool> missing;
};

class CounterSession {
public:
    using WallClock = std::chrono::system_clock;
    enum class Screen { start, person };
    static constexpr int default_idle_seconds = 90;
    static constexpr int warning_seconds = 10;  // the countdown shows this long before a reset
    static constexpr std::chrono::seconds verdict_shown{4};

    explicit CounterSession(int idle_seconds = default_idle_seconds) : idle_(idle_seconds) {}

    // The counter (a ledger location) this terminal stands at: recorded with every handover
    // and return. 0 until the terminal is set up; nothing can be handed over or taken back then.
    void set_counter(std::int64_t location_id) { counter_ = location_id; }
    std::int64_t counter() const { return counter_; }

    // A scanned or typed code. Its verdict is there at once when the counter can judge it
    // alone, otherwise once the server has answered (in ApiClient::drain()).
    void scan(ApiClient& api, std::string_view raw, WallClock::time_point now);
    // Any input from the person or the operator keeps the visit open.
    void activity(WallClock::time_point now);
    // Goes back to the start screen when idle for too long; true when it did.
    bool update(WallClock::time_point now);
    // Whole seconds left before an idle reset, while the warning is due.
    std::optional<int> reset_countdown(WallClock::time_point now) const;
    // Ends the visit: back to the start screen.
    void finish();

    Screen screen() const { return screen_; }
    // A request is on its way: the next scan waits.
    bool busy() const { return waiting_ > 0; }
    const std::string& card() const { return card_; }
    const std::optional<CounterPerson>& person() const { return person_; }

    // Tags accepted to go out, in the order scanned.
    struct BasketItem {
        std::string asset_tag;
        std::int64_t request_id = 0;
        std::string request_number;
    };
    const std::vector<BasketItem>& basket() const { return basket_; }
    // Hands the basket over, one handover per loan request; each answers a receipt. A refusal
    // (another counter was quicker, the loan changed) is shown and the person's loans are read again.
    void hand_over(ApiClient& api, WallClock::time_point now);
    const std::vector<HandoverReceipt>& receipts() const { return receipts_; }

    // The return being inspected, if a tag was accepted for return.
    std::optional<ReturnInspection>& inspection() { return inspection_; }
    const std::optional<ReturnInspection>& inspection() const { return inspection_; }
    // Catalog key of what keeps the inspection from being sent (the shared inspection rules),
    // empty when it may be.
    std::string inspection_problem() const;
    void confirm_return(ApiClient& api, WallClock::time_point now);
    void cancel_inspection() { inspection_.reset(); }
    const std::vector<ReturnReceipt>& returns() const { return returns_; }

    // The latest verdict while it is still to be shown.
    std::optional<ScanVerdict> verdict(WallClock::time_point now) const;
    // Verdicts to be heard, oldest first: true accepted, false refused.
    std::vector<bool> take_sounds();
    int idle_seconds() const { return static_cast<int>(idle_.count()); }

private:
    void show(ScanVerdict verdict);
    void refuse_locally(const std::string& code, const char* key);
    void refuse_with(const std::string& code, const ApiResult& result);
    void look_up_person(ApiClient& api, const std::string& card);
    void judge_tag(ApiClient& api, const std::string& tag);
    void open_inspection(const TagVerdict& verdict);
    void send_handover(ApiClient& api, std::size_t first);
    // Runs `done` with the answer only while the same visit is on (see visit_).
    ApiClient::Callback for_this_visit(std::function<void(const ApiResult&)> done);

    std::chrono::seconds idle_;
    std::int64_t counter_ = 0;
    Screen screen_ = Screen::start;
    std::string card_;
    std::optional<CounterPerson> person_;
    std::vector<BasketItem> basket_;
    std::vector<HandoverReceipt> receipts_;
    std::optional<ReturnInspection> inspection_;
    std::vector<ReturnReceipt> returns_;
    std::optional<ScanVerdict> verdict_;
    std::vector<bool> sounds_;
    WallClock::time_point last_activity_{};
    WallClock::time_point now_{};  // the latest time the caller gave: answers are shown from then
    int waiting_ = 0;
    // Bumped when a visit ends: answers for an earlier visit find another number and are dropped.
    std::uint64_t visit_ = 0;
};

}  // namespace madoguchi::client
