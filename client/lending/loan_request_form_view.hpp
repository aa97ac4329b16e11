#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 貸出申請: the staff loan request form over LoanRequestForm.
void draw_loan_request_form(App& app, calendar::Instant now);

}  // namespace madoguchi::client
