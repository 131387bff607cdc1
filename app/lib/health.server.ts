import { isDatabaseReady, type Database } from "../../db/index";

export function checkReadiness(db: Database): Promise<boolean> {
  return isDatabaseReady(db, 1000);
}
