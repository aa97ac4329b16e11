#include <catch2/catch.hpp>

#include "ui/toasts.hpp"

using madoguchi::client::ToastKind;
using madoguchi::client::Toasts;
using namespace std::chrono_literals;

TEST_CASE("toasts go away by themselves, failures later than confirmations", "[toasts]") {
    Toasts toasts;
    const auto start = Toasts::Clock::time_point{} + 1h;
    toasts.show(ToastKind::success, "connection.restored", start);
    toasts.show(ToastKind::failure, "error.network", start);
    REQUIRE(toasts.shown().size() == 2);

    toasts.expire(start + 3s);
    CHECK(toasts.shown().size() == 2);
    toasts.expire(start + 4s);
    REQUIRE(toasts.shown().size() == 1);
    CHECK(toasts.shown().front().kind == ToastKind::failure);
    toasts.expire(start + 8s);
    CHECK(toasts.shown().empty());
}

TEST_CASE("at most four toasts show, the oldest makes room, a click dismisses one", "[toasts]") {
    Toasts toasts;
    const auto now = Toasts::Clock::time_point{} + 1h;
    for (const auto* key : {"a", "b", "c", "d", "e"}) toasts.show(ToastKind::success, key, now);
    REQUIRE(toasts.shown().size() == Toasts::most_shown);
    CHECK(toasts.shown().front().message_key == "b");
    CHECK(toasts.shown().back().message_key == "e");
    toasts.dismiss(1);
    REQUIRE(toasts.shown().size() == 3);
    CHECK(toasts.shown()[1].message_key == "d");
    toasts.dismiss(10);  // a stale index from an older frame is ignored
    CHECK(toasts.shown().size() == 3);
}
