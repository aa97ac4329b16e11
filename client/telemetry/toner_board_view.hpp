#pragma once

namespace madoguchi::client {

class App;
class TonerBoard;

// トナー発注: the orders grouped by state with device, colour, delivery address and contact
// and age, and the next step for the signed-in roles (the desk's and the vendor's).
void draw_toner_board(App& app, TonerBoard& board);

}  // namespace madoguchi::client
