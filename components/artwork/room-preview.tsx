import { getTranslations } from "next-intl/server";
import { roomScene } from "@/lib/catalog/room-scale";

const cm = (mm: number) => Math.round(mm / 10);

/**
 * "View in a room": the piece on a wall above a sofa, both drawn in the same millimetres
 * (lib/catalog/room-scale.ts), so what looks twice as wide as the sofa is. The drawing is one image
 * whose name says the same in words.
 */
export async function RoomPreview({
  widthMm,
  heightMm,
  imageSrc,
  imageWidth,
  imageHeight,
}: {
  widthMm: number;
  heightMm: number;
  imageSrc: string;
  imageWidth: number;
  imageHeight: number;
}) {
  const t = await getTranslations("artwork");
  const scene = roomScene(widthMm, heightMm);
  const { art, sofa } = scene;
  // The sofa as a silhouette: a back, two arms and a seat, proportioned to its bounding box.
  const arm = sofa.width * 0.08;
  const seatTop = sofa.y + sofa.height * 0.45;
  const legs = sofa.height * 0.12;
  return (
    <section aria-labelledby="room-heading" className="mt-8">
      <h2 id="room-heading" className="font-serif text-xl">
        {t("room.title")}
      </h2>
      <svg
        viewBox={`0 0 ${scene.width} ${scene.height}`}
        role="img"
        aria-label={t("room.description", {
          width: cm(widthMm),
          height: cm(heightMm),
          sofa: cm(sofa.width),
          percent: Math.round(scene.widthRatio * 100),
        })}
        className="mt-3 w-full rounded-lg border border-line bg-[#f3efe7]"
        data-testid="room-preview"
      >
        <rect x={0} y={scene.height - 40} width={scene.width} height={40} fill="#d9cfbf" />
        <g fill="#8c8378" aria-hidden="true">
          <rect x={sofa.x} y={sofa.y} width={sofa.width} height={sofa.height - legs} rx={60} />
          <rect x={sofa.x - arm * 0.2} y={seatTop - 80} width={arm} height={sofa.height * 0.55 - legs + 80} rx={50} />
          <rect
            x={sofa.x + sofa.width - arm * 0.8}
            y={seatTop - 80}
            width={arm}
            height={sofa.height * 0.55 - legs + 80}
            rx={50}
          />
          <rect x={sofa.x + arm} y={sofa.y + sofa.height - legs - 40} width={40} height={legs + 40} />
          <rect x={sofa.x + sofa.width - arm - 40} y={sofa.y + sofa.height - legs - 40} width={40} height={legs + 40} />
        </g>
        <rect
          x={art.x - 15}
          y={art.y - 15}
          width={art.width + 30}
          height={art.height + 30}
          fill="#2b2722"
          opacity={0.15}
        />
        {/* The picture file has its own proportions (4:5); a nested viewport crops it to the piece's. */}
        <svg
          x={art.x}
          y={art.y}
          width={art.width}
          height={art.height}
          viewBox={`0 0 ${imageWidth} ${imageHeight}`}
          preserveAspectRatio="xMidYMid slice"
        >
          <image href={imageSrc} width={imageWidth} height={imageHeight} />
        </svg>
      </svg>
      <p className="mt-2 text-sm text-muted">{t("room.caption", { sofa: cm(sofa.width) })}</p>
    </section>
  );
}
