import { IconLogout } from "@/components/ui/icons";
import { signOutAction } from "../../../(auth)/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
        <IconLogout size={16} />
        Sign out
      </button>
    </form>
  );
}
