#pragma once
// 発送登録 (a new shipment): the desk picks a shipping request (approved, to send it to the
// bureau; on loan, to record its return by post), whose recipient and address are shown as
// the request has them; ticks the devices in the parcel (all of the request's by default);
// types carrier, tracking number and the date sent. Checked with the shared rules before
// it is sent; the server's refusals come back beside their fields.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "lending/lending_records.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

class ShipmentForm {
public:
    enum class State { idle, loading, loaded, failed };

    // Reads the shipping requests approved or on loan (the candidates).
    void load(ApiClient& api);
    void accept(const ApiResult& approved, const ApiResult& on_loan);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<LoanRequestRecord>& candidates() const { return candidates_; }

    // Picks a candidate: its devices all ticked, the direction from its state.
    void choose(std::int64_t request_id, const calendar::Date& today);
    const LoanRequestRecord* chosen() const;
    // "outbound" for an approved request, "return" for one on loan.
    std::string direction() const;

    std::vector<char> ticked;  // per device of the chosen request
    std::string carrier;
    std::string tracking_number;
    DateFieldModel sent_date;

    bool submit(ApiClient& api, const calendar::Date& today);
    bool submitting() const { return submitting_; }
    const FormErrors& errors() const { return errors_; }
    // Once: the request number of the shipment just registered.
    std::string take_created() { return std::exchange(created_, {}); }

private:
    std::vector<std::string> tags() const;

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<LoanRequestRecord> candidates_;
    std::optional<std::int64_t> chosen_;
    bool submitting_ = false;
    FormErrors errors_;
    std::string created_;
};

}  // namespace madoguchi::client
