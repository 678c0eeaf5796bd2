// The one message for a missing token, shared by `npm start` (checked before loading anything heavy) and createBot.
import { AppError } from "../errors.js";

export function missingTokenError(): AppError {
  return new AppError(
    "TELEGRAM_BOT_TOKEN is not set: the Telegram bot needs a token from @BotFather.",
    "Put TELEGRAM_BOT_TOKEN=<token> in .env (see .env.example), or try the answers offline with `npm run chat`.",
  );
}
