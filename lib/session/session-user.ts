/** The signed-in person, as a database session gives them. */
export type SessionUser = {
  id: string;
  name: string | null;
  email: string | null;
  image: string | null;
};
