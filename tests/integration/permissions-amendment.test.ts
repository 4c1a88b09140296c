import { permissionMatrix } from "./support/permission-matrix";
import { useTestDatabase } from "./support/database";

useTestDatabase();
permissionMatrix("amendment");
